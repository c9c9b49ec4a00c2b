/* credentials.c - the process's user and group: process.getuid() ... setuid(), getgroups,
 * setgroups and initgroups.
 * Book: chapter 8, "The event loop" ("The rest of process").
 *
 * A set* call takes a number (an integer from 0 to 2^32 - 1) or a name, looked up in the
 * user or group database (getpwnam, getgrnam); an unknown name is node's
 * ERR_UNKNOWN_CREDENTIAL. A refusal by the system is node's older errno error, whose
 * message is "EPERM, Operation not permitted" and whose errno is positive. Entry point:
 * credentials_props, which process_create installs.
 */
#include <errno.h>
#include <stdio.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lexer/alloc.h"
#include "stdlib/node/internal.h"

/* getuid, geteuid, getgid, getegid (magic 0..3). */
static Value process_id(VM *vm, Value this_value, int argc, Value *argv) {
  switch (vm_native_magic(vm)) {
  case 0: return value_from_number(getuid());
  case 1: return value_from_number(geteuid());
  case 2: return value_from_number(getgid());
  default: return value_from_number(getegid());
  }
}

static Value process_getgroups(VM *vm, Value this_value, int argc, Value *argv) {
  gid_t groups[256];
  int n = getgroups(256, groups);
  gid_t egid = getegid(); /* node (libuv) adds the effective group when missing */
  bool seen = false;
  Value list = vm_handle_push(vm, vm_array_new(vm));
  for (int i = 0; i < n; i++) {
    vm_array_push(vm, list, value_from_number(groups[i]));
    seen = seen || groups[i] == egid;
  }
  if (!seen) vm_array_push(vm, list, value_from_number(egid));
  return list;
}

/* node's error when the system refuses: "EPERM, Operation not permitted", errno 1. */
static Value throw_refused(VM *vm, int err, const char *syscall) {
  StrBuf sb = {0};
  sb_printf(&sb, "%s, %s", errno_code_name(err), strerror(err));
  Value message = vm_handle_push(vm, sb_finish(vm, &sb));
  Value e = vm_handle_push(vm, vm_make_error(vm, ERR_ERROR, message));
  vm_define_str(vm, e, "errno", value_from_number(err), VM_ATTR_DEFAULT);
  vm_define_str(vm, e, "code", vm_string(vm, errno_code_name(err)), VM_ATTR_DEFAULT);
  vm_define_str(vm, e, "syscall", vm_string(vm, syscall), VM_ATTR_DEFAULT);
  return vm_throw(vm, e);
}

static Value throw_unknown(VM *vm, bool group, Value name) {
  StrBuf sb = {0};
  char *text = vm_to_utf8(vm, name, NULL);
  sb_printf(&sb, "%s identifier does not exist: %s", group ? "Group" : "User", text);
  free(text);
  Value message = vm_handle_push(vm, sb_finish(vm, &sb));
  return vm_throw(vm, node_error_new(vm, ERR_ERROR, "ERR_UNKNOWN_CREDENTIAL", message));
}

/* The id a number or a name (of a group when group) stands for, through *out; false with
 * node's error thrown. arg names the argument in ERR_INVALID_ARG_TYPE and the range. */
static bool credential_of(VM *vm, Value v, bool group, const char *arg, unsigned *out) {
  if (value_is_number(v)) {
    if (!node_validate_integer(vm, v, arg, 0, 4294967295.0)) return false;
    *out = (unsigned)value_to_number(v);
    return true;
  }
  if (!value_is_string(v)) {
    node_throw_arg_type(vm, arg, "one of type number or string", v);
    return false;
  }
  char *name = vm_to_utf8(vm, v, NULL);
  struct passwd *pw = group ? NULL : getpwnam(name);
  struct group *gr = group ? getgrnam(name) : NULL;
  free(name);
  if (pw) *out = pw->pw_uid;
  if (gr) *out = gr->gr_gid;
  if (!pw && !gr) throw_unknown(vm, group, v);
  return pw || gr;
}

/* setuid, seteuid, setgid, setegid (magic 0..3), as node names them. */
static Value process_set_id(VM *vm, Value this_value, int argc, Value *argv) {
  static const char *const syscalls[] = {"setuid", "seteuid", "setgid", "setegid"};
  int which = vm_native_magic(vm);
  unsigned id;
  if (!credential_of(vm, argc > 0 ? argv[0] : VALUE_UNDEFINED, which >= 2, "id", &id))
    return VALUE_EXCEPTION;
  int r = which == 0 ? setuid(id) : which == 1 ? seteuid(id) : which == 2 ? setgid(id) : setegid(id);
  return r != 0 ? throw_refused(vm, errno, syscalls[which]) : VALUE_UNDEFINED;
}

/* setgroups(groups): an Array of group ids or names. */
static Value process_setgroups(VM *vm, Value this_value, int argc, Value *argv) {
  Value list = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  if (!vm_is_array(list)) return node_throw_arg_type(vm, "groups", "an instance of Array", list);
  uint32_t n = vm_array_length(list);
  gid_t *groups = mem_alloc((n ? n : 1) * sizeof *groups);
  Value r = VALUE_UNDEFINED;
  for (uint32_t i = 0; i < n && r == VALUE_UNDEFINED; i++) {
    char arg[32];
    snprintf(arg, sizeof arg, "groups[%u]", (unsigned)i);
    unsigned id;
    if (credential_of(vm, vm_array_get(vm, list, i), true, arg, &id)) groups[i] = id;
    else r = VALUE_EXCEPTION;
  }
  if (r == VALUE_UNDEFINED && setgroups(n, groups) != 0) r = throw_refused(vm, errno, "setgroups");
  free(groups);
  return r;
}

/* initgroups(user, extraGroup): the user's groups from the group database, and one more. */
static Value process_initgroups(VM *vm, Value this_value, int argc, Value *argv) {
  Value user = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  if (!value_is_number(user) && !value_is_string(user))
    return node_throw_arg_type(vm, "user", "one of type number or string", user);
  unsigned gid;
  if (!credential_of(vm, argc > 1 ? argv[1] : VALUE_UNDEFINED, true, "extraGroup", &gid))
    return VALUE_EXCEPTION;
  char *name = NULL;
  if (value_is_string(user)) {
    name = vm_to_utf8(vm, user, NULL);
  } else {
    struct passwd *pw = getpwuid((uid_t)value_to_number(user));
    if (pw) name = mem_strdup(pw->pw_name);
  }
  /* An unknown user is no error in node: nothing is changed. */
  int r = name && getpwnam(name) ? initgroups(name, gid) : 0;
  int err = errno;
  free(name);
  return r != 0 ? throw_refused(vm, err, "initgroups") : VALUE_UNDEFINED;
}

static const VMPropDef credential_props[] = {
    VM_METHOD("getuid", process_id, 0, 0, VM_ATTR_DEFAULT),
    VM_METHOD("geteuid", process_id, 0, 1, VM_ATTR_DEFAULT),
    VM_METHOD("getgid", process_id, 0, 2, VM_ATTR_DEFAULT),
    VM_METHOD("getegid", process_id, 0, 3, VM_ATTR_DEFAULT),
    VM_FN_ENUM("getgroups", process_getgroups, 0),
    VM_FN_ENUM("initgroups", process_initgroups, 2),
    VM_FN_ENUM("setgroups", process_setgroups, 1),
    VM_METHOD("setegid", process_set_id, 1, 3, VM_ATTR_DEFAULT),
    VM_METHOD("seteuid", process_set_id, 1, 1, VM_ATTR_DEFAULT),
    VM_METHOD("setgid", process_set_id, 1, 2, VM_ATTR_DEFAULT),
    VM_METHOD("setuid", process_set_id, 1, 0, VM_ATTR_DEFAULT),
    VM_PROPS_END,
};

const VMPropDef *credentials_props(void) { return credential_props; }
