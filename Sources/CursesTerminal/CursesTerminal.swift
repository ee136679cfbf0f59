// CursesTerminal: see Documentation/CodebaseGuide.md
import CNcursesw
