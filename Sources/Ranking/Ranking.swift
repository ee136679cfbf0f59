// Ranking: see Documentation/CodebaseGuide.md
