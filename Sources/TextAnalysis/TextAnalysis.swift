// TextAnalysis: see Documentation/CodebaseGuide.md
