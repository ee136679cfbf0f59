#ifndef TARSIER_CNCURSESW_SHIM_H
#define TARSIER_CNCURSESW_SHIM_H
// Wide-character curses API (cchar_t, get_wch, WACS_*) needs this before ncurses.h;
// SwiftPM drops the pkg-config defines (Documentation/Development.md).
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// wcwidth is only declared under _XOPEN_SOURCE, which the Swift importer does not set.
extern int wcwidth(wchar_t c);

// Macros and globals that Swift cannot import, as functions.
static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }
static inline attr_t shim_a_bold(void) { return A_BOLD; }
static inline attr_t shim_a_reverse(void) { return A_REVERSE; }
static inline attr_t shim_a_underline(void) { return A_UNDERLINE; }
static inline attr_t shim_a_dim(void) { return A_DIM; }
static inline attr_t shim_a_normal(void) { return A_NORMAL; }
static inline FILE *shim_stdout(void) { return stdout; }
static inline FILE *shim_stdin(void) { return stdin; }
static inline int shim_wcwidth(unsigned int scalar) { return wcwidth((wchar_t)scalar); }
#endif
