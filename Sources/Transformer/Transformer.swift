// Transformer: see Documentation/CodebaseGuide.md
