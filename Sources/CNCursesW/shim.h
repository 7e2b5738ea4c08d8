// The thin C side of lapor's ncurses binding: macros and globals do not cross into Swift, so they
// are wrapped here as small static inline functions.
#ifndef LAPOR_CNCURSESW_SHIM_H
#define LAPOR_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <unistd.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#include <langinfo.h>
#include <string.h>

static inline WINDOW *lapor_stdscr(void) { return stdscr; }
static inline SCREEN *lapor_newterm(const char *term) { return newterm(term, stdout, stdin); }
static inline int lapor_lines(void) { return LINES; }
// Whether the terminal can move its cursor at all (`dumb` cannot): without it no screen is drawn.
static inline int lapor_can_address(void) {
    char *cup = tigetstr("cup");
    return cup != NULL && cup != (char *)-1;
}
// Whether the locale's characters are UTF-8 (under LC_ALL=C they are not).
static inline int lapor_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}
static inline int lapor_cols(void) { return COLS; }
static inline int lapor_colors(void) { return COLORS; }
static inline int lapor_key_resize(void) { return KEY_RESIZE; }
static inline int lapor_key_f(int n) { return KEY_F(n); }
// Key codes lapor defines for sequences terminfo does not name (bracketed paste, Ctrl-arrows).
static inline int lapor_key_paste_start(void) { return KEY_MAX + 1; }
static inline int lapor_key_paste_end(void) { return KEY_MAX + 2; }
static inline int lapor_key_word_left(void) { return KEY_MAX + 3; }
static inline int lapor_key_word_right(void) { return KEY_MAX + 4; }
static inline attr_t lapor_a_bold(void) { return A_BOLD; }
static inline attr_t lapor_a_underline(void) { return A_UNDERLINE; }
static inline attr_t lapor_a_reverse(void) { return A_REVERSE; }
static inline attr_t lapor_a_dim(void) { return A_DIM; }
static inline attr_t lapor_a_normal(void) { return A_NORMAL; }
static inline attr_t lapor_color_pair(int n) { return COLOR_PAIR(n); }
static inline int lapor_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int lapor_getmaxx(WINDOW *w) { return getmaxx(w); }
// Every scalar's width below `count` as the C library counts it (what ncurses and tmux count)
// under a UTF-8 locale: the environment's when it is UTF-8, else C.UTF-8. The calling thread's
// locale is set for the loop only. Returns 0 when the machine has no UTF-8 locale.
static inline int lapor_width_table(signed char *out, unsigned count) {
    locale_t loc = newlocale(LC_CTYPE_MASK, "", (locale_t)0);
    if (loc != (locale_t)0) {
        const char *codeset = nl_langinfo_l(CODESET, loc);
        if (codeset == NULL || (strcmp(codeset, "UTF-8") != 0 && strcmp(codeset, "utf8") != 0)) {
            freelocale(loc);
            loc = (locale_t)0;
        }
    }
    if (loc == (locale_t)0) loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (loc == (locale_t)0) return 0;
    locale_t previous = uselocale(loc);
    for (unsigned c = 0; c < count; c++) out[c] = (signed char)wcwidth((wchar_t)c);
    uselocale(previous);
    freelocale(loc);
    return 1;
}
static inline int lapor_set_attr(WINDOW *w, attr_t a, short pair) { return wattr_set(w, a, pair, NULL); }

#include <signal.h>
#include <spawn.h>

// glibc declares this only under _GNU_SOURCE (2.34 and later): the child closes every descriptor
// from `from` on, so that nothing of the parent's (sockets, databases, a CI runner's pipes) leaks.
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *, int);
static inline int lapor_spawn_closefrom(posix_spawn_file_actions_t *actions, int from) {
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
}

// On a crash, give the terminal back before dying: endwin, then the default action.
static void lapor_crash(int sig) {
    endwin();
    (void)!write(1, "\033[?2004l\033[?25h\n", 15);
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void lapor_install_crash_handlers(void) {
    signal(SIGSEGV, lapor_crash);
    signal(SIGBUS, lapor_crash);
    signal(SIGILL, lapor_crash);
    signal(SIGTRAP, lapor_crash);
    signal(SIGABRT, lapor_crash);
    signal(SIGFPE, lapor_crash);
}

#endif
