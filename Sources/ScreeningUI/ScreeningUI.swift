// ScreeningUI: see Documentation/CodebaseGuide.md
