// Formats: see Documentation/CodebaseGuide.md
