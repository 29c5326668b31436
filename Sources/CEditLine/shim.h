// Typed wrappers around libedit's native <histedit.h> API.
//
// el_set, el_get and history() are C-variadic, which Swift cannot call, so each use the Swift
// side needs gets a small fixed-signature wrapper here. Glibc's stdin/stdout/stderr are mutable
// globals that Swift 6 rejects, so they are reached through these wrappers too.
#ifndef CEDITLINE_SHIM_H
#define CEDITLINE_SHIM_H

#include <histedit.h>
#include <signal.h>
#include <stdio.h>

typedef char *(*cel_prompt_function)(EditLine *);
typedef unsigned char (*cel_key_function)(EditLine *, int);

// MARK: Editor

/// An editor reading the process's standard input and writing to its standard output.
static inline EditLine *cel_init(const char *program_name) {
    return el_init(program_name, stdin, stdout, stderr);
}

static inline int cel_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

/// Off: libedit's own handlers re-raise signals to the whole process group with kill(0, …).
static inline int cel_set_signal_handling(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

/// A prompt in which text between two `marker` characters is printed but takes no columns,
/// so terminal escape codes in the prompt keep libedit's cursor arithmetic right.
static inline int cel_set_prompt(EditLine *el, cel_prompt_function function, char marker) {
    return el_set(el, EL_PROMPT_ESC, function, (int)marker);
}

/// What a prompt function returns when it has nothing to show; libedit cannot take NULL.
static inline char *cel_empty_prompt(void) {
    static char empty[] = "";
    return empty;
}

static inline int cel_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *cel_client_data(EditLine *el) {
    void *data = NULL;
    if (el_get(el, EL_CLIENTDATA, &data) != 0) return NULL;
    return data;
}

static inline int cel_add_function(EditLine *el, const char *name, const char *help,
                                   cel_key_function function) {
    return el_set(el, EL_ADDFN, name, help, function);
}

static inline int cel_bind(EditLine *el, const char *key, const char *function_name) {
    return el_set(el, EL_BIND, key, function_name, (const char *)NULL);
}

static inline int cel_set_history(EditLine *el, History *history_state) {
    return el_set(el, EL_HIST, history, history_state);
}

/// Forgets what is on screen and draws prompt and line afresh where the cursor now is.
static inline int cel_redraw(EditLine *el) {
    return el_set(el, EL_REFRESH);
}

/// Writes text where the editor draws (for output shown between prompt redraws).
static inline void cel_write(EditLine *el, const char *text) {
    FILE *out = NULL;
    if (el_get(el, EL_GETFP, 1, &out) != 0 || out == NULL) out = stdout;
    fputs(text, out);
    fflush(out);
}

// MARK: History

static inline int cel_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

/// Skips an entry equal to the one just before it.
static inline int cel_history_set_unique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}

static inline int cel_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

static inline int cel_history_load(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_LOAD, path);
}

static inline int cel_history_save(History *h, const char *path) {
    HistEvent event;
    return history(h, &event, H_SAVE, path);
}

// MARK: Ctrl-C
//
// The handler only sets a flag: that is all a signal handler may safely do. Being installed
// without SA_RESTART, it also makes the blocked read() inside el_gets fail with EINTR, so
// el_gets returns NULL with a count of -1 and the caller can start a fresh line.
//
// The flag is a static in this header, so every C translation unit (and every Swift file that
// calls these functions) gets its own copy: install the handler and take the flag from one
// Swift file only.

static volatile sig_atomic_t cel_interrupt_flag = 0;

static inline void cel_interrupt_handler(int signal_number) {
    (void)signal_number;
    cel_interrupt_flag = 1;
}

/// Installs the Ctrl-C handler and stores the previous action in `previous`.
static inline int cel_install_interrupt_handler(struct sigaction *previous) {
    struct sigaction action;
    action.sa_handler = cel_interrupt_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    cel_interrupt_flag = 0;
    return sigaction(SIGINT, &action, previous);
}

static inline int cel_restore_interrupt_handler(const struct sigaction *previous) {
    return sigaction(SIGINT, previous, NULL);
}

/// True once after each Ctrl-C since the handler was installed.
static inline int cel_take_interrupt(void) {
    int was_interrupted = cel_interrupt_flag != 0;
    cel_interrupt_flag = 0;
    return was_interrupted;
}

#endif
