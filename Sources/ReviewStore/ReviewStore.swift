// ReviewStore: see Documentation/CodebaseGuide.md
