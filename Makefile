# Convenience targets; the README's two commands are `bash Scripts/demo.sh` and `bash Scripts/test.sh`.
# `make install [PREFIX=/usr/local] [DESTDIR=…]` puts tarsier on the PATH with its man page and
# bash/zsh/fish completions; `make uninstall` removes exactly those files.
PREFIX ?= /usr/local
BINDIR = $(DESTDIR)$(PREFIX)/bin
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
INSTALLED = $(BINDIR)/tarsier $(MANDIR)/tarsier.1 $(BASHDIR)/tarsier $(ZSHDIR)/_tarsier $(FISHDIR)/tarsier.fish

.PHONY: demo test build release model install uninstall eval-cv
demo:
	bash Scripts/demo.sh
test:
	bash Scripts/test.sh
build:
	swift build
release:
	swift build -c release --product tarsier
model:
	bash Scripts/fetch-model.sh
# Opt-in, long (reads ../shared, needs the model): the hybrid's settings under leave-one-family-out
# cross-validation (Documentation/Evaluation.md).
eval-cv:
	bash Scripts/eval-cv.sh

# BIN=path installs an already built binary (the install test uses the debug build) instead of
# building the release one.
install:
	$(if $(BIN),,swift build -c release --product tarsier)
	$(eval BIN := $(or $(BIN),$(shell swift build -c release --show-bin-path)/tarsier))
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(BIN) $(BINDIR)/tarsier
	install -m 644 man/tarsier.1 $(MANDIR)/tarsier.1
	$(BIN) --generate-completion-script bash > $(BASHDIR)/tarsier
	$(BIN) --generate-completion-script zsh > $(ZSHDIR)/_tarsier
	$(BIN) --generate-completion-script fish > $(FISHDIR)/tarsier.fish
	-command -v mandb >/dev/null 2>&1 && [ -z "$(DESTDIR)" ] && mandb -q 2>/dev/null || true
	@echo "installed: $(INSTALLED)"

uninstall:
	rm -f $(INSTALLED)
	@echo "removed: $(INSTALLED)"
