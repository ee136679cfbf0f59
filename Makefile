# Convenience targets; the README's two commands are `bash Scripts/demo.sh` and `bash Scripts/test.sh`.
.PHONY: demo test build release model
demo:
	bash Scripts/demo.sh
test:
	bash Scripts/test.sh
build:
	swift build
release:
	swift build -c release
model:
	bash Scripts/fetch-model.sh
