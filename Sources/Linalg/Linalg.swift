// Linalg: see Documentation/CodebaseGuide.md
import COpenBLAS
