// Evaluation: see Documentation/CodebaseGuide.md
