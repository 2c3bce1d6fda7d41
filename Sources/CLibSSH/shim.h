#ifndef CLAIMSGATE_CLIBSSH_SHIM_H
#define CLAIMSGATE_CLIBSSH_SHIM_H

/* libssh declares its server API only when WITH_SERVER is defined; sftp.h is included for the
   SFTP v3 protocol constants (the SFTP layer itself is ours). */
#define WITH_SERVER 1
#include <libssh/libssh.h>
#include <libssh/server.h>
#include <libssh/sftp.h>

/* ssh_bind_options_set and ssh_options_set take `const void *`; these give Swift typed setters. */
static inline int cg_bind_set_string(ssh_bind bind, enum ssh_bind_options_e option, const char *value) {
    return ssh_bind_options_set(bind, option, value);
}

static inline int cg_bind_set_int(ssh_bind bind, enum ssh_bind_options_e option, int value) {
    return ssh_bind_options_set(bind, option, &value);
}

static inline int cg_bind_set_bool(ssh_bind bind, enum ssh_bind_options_e option, int value) {
    /* Boolean bind options read a `bool`. */
    _Bool flag = value != 0;
    return ssh_bind_options_set(bind, option, &flag);
}

/* The message accessors below are deprecated in favour of callbacks but remain the simplest
   synchronous API for a session-per-thread server; wrapping them keeps the warnings here. */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"
static inline ssh_key cg_message_auth_pubkey(ssh_message message) {
    return ssh_message_auth_pubkey(message);
}

static inline int cg_message_auth_publickey_state(ssh_message message) {
    return (int)ssh_message_auth_publickey_state(message);
}

static inline const char *cg_message_auth_password(ssh_message message) {
    return ssh_message_auth_password(message);
}
#pragma clang diagnostic pop

/* The SFTP server renames finished uploads without ever replacing a file of the same name;
   Swift's Glibc module does not export renameat2, so it is called through syscall(2). */
#include <sys/syscall.h>
#include <unistd.h>
static inline int cg_renameat_noreplace(int from_directory, const char *from, int to_directory, const char *to) {
    return (int)syscall(SYS_renameat2, from_directory, from, to_directory, to, 1u /* RENAME_NOREPLACE */);
}

/* Starts write-back of a range of an upload while it is still arriving, so the fdatasync at
   CLOSE has little left to wait for (sync_file_range is a GNU extension Swift does not see). */
static inline int cg_start_writeback(int fd, long long offset, long long length) {
    return (int)syscall(SYS_sync_file_range, fd, offset, length, 2u /* SYNC_FILE_RANGE_WRITE */);
}

#endif
