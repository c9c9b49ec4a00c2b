/* os.c - internal/os, the native half of require('os'): what the system says about
 * itself. Book: chapter 11, "Files" (end of "URLs").
 *
 * Each function answers with plain values and lib/os.js shapes them as node does. The
 * machine's numbers come from POSIX calls (uname, gethostname, sysconf, getpwuid_r,
 * getpriority) and, where the system has them, from Linux's /proc files (cpuinfo, stat,
 * meminfo, uptime, loadavg) and cpufreq's speeds, falling back to what POSIX can say.
 * getifaddrs is not POSIX: the network interfaces are listed only where <ifaddrs.h>
 * exists (Linux, the BSDs, macOS), else the list is empty. A failing call returns
 * -errno for os.js to turn into node's SystemError. Entry point: os_module_create.
 */
#include <errno.h>
#include <math.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "stdlib/node/internal.h"

#if defined(__has_include)
#if __has_include(<ifaddrs.h>)
#define OS_HAVE_IFADDRS 1
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#endif
#if __has_include(<netpacket/packet.h>)
#define OS_HAVE_PACKET 1
#include <netpacket/packet.h>
#endif
#endif

static Value arg(int argc, Value *argv, int i) { return i < argc ? argv[i] : VALUE_UNDEFINED; }

/* A new array holding n values. */
static Value array_of(VM *vm, int n, const Value *values) {
  Value a = vm_handle_push(vm, vm_array_new(vm));
  for (int i = 0; i < n; i++) vm_array_push(vm, a, values[i]);
  return a;
}

/* The first line of a file that starts with key, or false; line must hold 256 bytes. */
static bool read_line_with(const char *path, const char *key, char *line) {
  FILE *f = fopen(path, "r");
  if (!f) return false;
  bool found = false;
  while (!found && fgets(line, 256, f)) found = strncmp(line, key, strlen(key)) == 0;
  fclose(f);
  return found;
}

/* ==== The system ==== */

/* uname(): [sysname, release, version, machine]. */
static Value os_uname(VM *vm, Value this_value, int argc, Value *argv) {
  struct utsname u;
  if (uname(&u) != 0) return value_from_number(-errno);
  Value parts[4];
  const char *text[4] = {u.sysname, u.release, u.version, u.machine};
  for (int i = 0; i < 4; i++) parts[i] = vm_handle_push(vm, vm_string(vm, text[i]));
  return array_of(vm, 4, parts);
}

static Value os_hostname(VM *vm, Value this_value, int argc, Value *argv) {
  char name[256] = "";
  if (gethostname(name, sizeof name - 1) != 0) return value_from_number(-errno);
  return vm_string(vm, name);
}

/* A "Key:   N kB" line of /proc/meminfo in bytes, or -1. */
double os_meminfo(const char *key) {
  char line[256];
  if (!read_line_with("/proc/meminfo", key, line)) return -1;
  return strtod(line + strlen(key), NULL) * 1024;
}

/* memory(): [total, free] in bytes; free is what is available, as libuv counts it. */
static Value os_memory(VM *vm, Value this_value, int argc, Value *argv) {
  double page = (double)sysconf(_SC_PAGESIZE);
  double total = os_meminfo("MemTotal:"), free_bytes = os_meminfo("MemAvailable:");
#ifdef _SC_PHYS_PAGES
  if (total < 0) total = (double)sysconf(_SC_PHYS_PAGES) * page;
#endif
#ifdef _SC_AVPHYS_PAGES
  if (free_bytes < 0) free_bytes = (double)sysconf(_SC_AVPHYS_PAGES) * page;
#endif
  Value v[2] = {value_from_number(total < 0 ? 0 : total),
                value_from_number(free_bytes < 0 ? 0 : free_bytes)};
  return array_of(vm, 2, v);
}

/* Seconds since boot: /proc/uptime, else the monotonic clock (which counts from boot on
 * most systems). */
static Value os_uptime(VM *vm, Value this_value, int argc, Value *argv) {
  FILE *f = fopen("/proc/uptime", "r");
  double up = -1;
  if (f) {
    if (fscanf(f, "%lf", &up) != 1) up = -1;
    fclose(f);
  }
  if (up < 0) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    up = (double)ts.tv_sec + ts.tv_nsec / 1e9;
  }
  return value_from_number(up);
}

/* loadavg(): the 1, 5 and 15 minute load averages, zeros where /proc/loadavg is missing. */
static Value os_loadavg(VM *vm, Value this_value, int argc, Value *argv) {
  double load[3] = {0, 0, 0};
  FILE *f = fopen("/proc/loadavg", "r");
  if (f) {
    if (fscanf(f, "%lf %lf %lf", &load[0], &load[1], &load[2]) != 3) load[0] = load[1] = load[2] = 0;
    fclose(f);
  }
  Value v[3] = {value_from_number(load[0]), value_from_number(load[1]), value_from_number(load[2])};
  return array_of(vm, 3, v);
}

/* ==== CPUs ==== */

/* The i-th "key : value" of /proc/cpuinfo, the value copied into out (256 bytes). */
static bool cpuinfo_field(const char *key, int index, char *out) {
  FILE *f = fopen("/proc/cpuinfo", "r");
  if (!f) return false;
  char line[256];
  int seen = 0;
  bool found = false;
  while (!found && fgets(line, sizeof line, f)) {
    if (strncmp(line, key, strlen(key)) != 0 || seen++ < index) continue;
    const char *colon = strchr(line, ':');
    if (!colon) continue;
    snprintf(out, 256, "%s", colon + (colon[1] == ' ' ? 2 : 1));
    out[strcspn(out, "\n")] = 0;
    found = true;
  }
  fclose(f);
  return found;
}

/* A CPU's current speed in MHz as libuv reads it (cpufreq's scaling_cur_freq, in kHz),
 * or 0 where the system does not say. */
static double cpu_speed(int index) {
  char path[96];
  snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu%d/cpufreq/scaling_cur_freq", index);
  FILE *f = fopen(path, "r");
  double khz = 0;
  if (f) {
    if (fscanf(f, "%lf", &khz) != 1) khz = 0;
    fclose(f);
  }
  return floor(khz / 1000);
}

/* One CPU: [model, speed, user, nice, sys, idle, irq], times in milliseconds. */
static Value cpu_entry(VM *vm, int index, const char *stat_line) {
  char model[256] = "unknown";
  if (!cpuinfo_field("model name", index, model)) cpuinfo_field("model name", 0, model);
  double t[7] = {0}, ms = 1000.0 / (double)sysconf(_SC_CLK_TCK);
  if (stat_line)
    sscanf(stat_line, "%*s %lf %lf %lf %lf %lf %lf", &t[0], &t[1], &t[2], &t[3], &t[4], &t[5]);
  Value v[7] = {vm_handle_push(vm, vm_string(vm, model)), value_from_number(cpu_speed(index)),
                value_from_number(t[0] * ms), value_from_number(t[1] * ms),
                value_from_number(t[2] * ms), value_from_number(t[3] * ms),
                value_from_number(t[5] * ms)};
  return array_of(vm, 7, v);
}

/* cpus(): an entry per "cpuN" line of /proc/stat; else one per online processor, with
 * zero times. */
static Value os_cpus(VM *vm, Value this_value, int argc, Value *argv) {
  Value list = vm_handle_push(vm, vm_array_new(vm));
  FILE *f = fopen("/proc/stat", "r");
  char line[512];
  int n = 0;
  while (f && fgets(line, sizeof line, f))
    if (strncmp(line, "cpu", 3) == 0 && line[3] >= '0' && line[3] <= '9')
      vm_array_push(vm, list, cpu_entry(vm, n++, line));
  if (f) fclose(f);
  long online = sysconf(_SC_NPROCESSORS_ONLN);
  for (; n == 0 && online > 0; online--) vm_array_push(vm, list, cpu_entry(vm, 0, NULL));
  return list;
}

static Value os_parallelism(VM *vm, Value this_value, int argc, Value *argv) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return value_from_number(n > 0 ? (double)n : 1);
}

/* ==== The user ==== */

/* userInfo(): [uid, gid, username, homedir, shell] of the effective user, or -errno. */
static Value os_user_info(VM *vm, Value this_value, int argc, Value *argv) {
  struct passwd pw, *found = NULL;
  char buf[4096];
  int err = getpwuid_r(geteuid(), &pw, buf, sizeof buf, &found);
  if (err != 0 || !found) return value_from_number(err ? -err : -ENOENT);
  Value v[5] = {value_from_number((double)pw.pw_uid), value_from_number((double)pw.pw_gid),
                vm_handle_push(vm, vm_string(vm, pw.pw_name)),
                vm_handle_push(vm, vm_string(vm, pw.pw_dir)),
                vm_handle_push(vm, pw.pw_shell ? vm_string(vm, pw.pw_shell) : VALUE_NULL)};
  return array_of(vm, 5, v);
}

/* getPriority(pid): [nice] (a nice value may be negative too), or -errno. */
static Value os_get_priority(VM *vm, Value this_value, int argc, Value *argv) {
  errno = 0;
  int prio = getpriority(PRIO_PROCESS, (id_t)value_to_number(arg(argc, argv, 0)));
  if (prio == -1 && errno != 0) return value_from_number(-errno);
  return vm_handle_push(vm, array_of(vm, 1, (Value[]){value_from_number(prio)}));
}

/* setPriority(pid, priority): 0, or -errno. */
static Value os_set_priority(VM *vm, Value this_value, int argc, Value *argv) {
  id_t pid = (id_t)value_to_number(arg(argc, argv, 0));
  int prio = (int)value_to_number(arg(argc, argv, 1));
  return value_from_number(setpriority(PRIO_PROCESS, pid, prio) == 0 ? 0 : -errno);
}

/* errno(err): [code, description] for a positive errno, as libuv names them. */
static Value os_errno(VM *vm, Value this_value, int argc, Value *argv) {
  int err = (int)value_to_number(arg(argc, argv, 0));
  Value v[2] = {vm_handle_push(vm, vm_string(vm, errno_code_name(err))),
                vm_handle_push(vm, vm_string(vm, errno_description(err)))};
  return array_of(vm, 2, v);
}

/* ==== Network interfaces ==== */

#ifdef OS_HAVE_IFADDRS
/* An address as text ("127.0.0.1", "::1"); family 4 or 6. */
static Value address_text(VM *vm, const struct sockaddr *sa) {
  char text[INET6_ADDRSTRLEN] = "";
  if (sa->sa_family == AF_INET)
    inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, text, sizeof text);
  else
    inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, text, sizeof text);
  return vm_handle_push(vm, vm_string(vm, text));
}

/* The hardware address of the interface called name, as "aa:bb:..", from its
 * AF_PACKET entry where the system lists one. */
static void mac_of(struct ifaddrs *all, const char *name, char *out) {
  strcpy(out, "00:00:00:00:00:00");
#ifdef OS_HAVE_PACKET
  for (struct ifaddrs *i = all; i; i = i->ifa_next) {
    if (!i->ifa_addr || i->ifa_addr->sa_family != AF_PACKET || strcmp(i->ifa_name, name) != 0)
      continue;
    const unsigned char *m = ((struct sockaddr_ll *)i->ifa_addr)->sll_addr;
    sprintf(out, "%02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4], m[5]);
  }
#endif
}

/* One address: [name, family, address, netmask, mac, internal, scopeid]. */
static Value interface_entry(VM *vm, struct ifaddrs *all, struct ifaddrs *i) {
  char mac[32];
  mac_of(all, i->ifa_name, mac);
  bool v6 = i->ifa_addr->sa_family == AF_INET6;
  Value v[7] = {vm_handle_push(vm, vm_string(vm, i->ifa_name)), value_from_number(v6 ? 6 : 4),
                address_text(vm, i->ifa_addr),
                i->ifa_netmask ? address_text(vm, i->ifa_netmask) : VALUE_NULL,
                vm_handle_push(vm, vm_string(vm, mac)),
                value_from_bool((i->ifa_flags & IFF_LOOPBACK) != 0),
                value_from_number(v6 ? (double)((struct sockaddr_in6 *)i->ifa_addr)->sin6_scope_id : -1)};
  return array_of(vm, 7, v);
}
#endif

/* interfaces(): an entry per IPv4 and IPv6 address of an interface that is up. */
static Value os_interfaces(VM *vm, Value this_value, int argc, Value *argv) {
  Value list = vm_handle_push(vm, vm_array_new(vm));
#ifdef OS_HAVE_IFADDRS
  struct ifaddrs *all;
  if (getifaddrs(&all) != 0) return value_from_number(-errno);
  for (struct ifaddrs *i = all; i; i = i->ifa_next) {
    if (!i->ifa_addr || !(i->ifa_flags & IFF_UP) || !(i->ifa_flags & IFF_RUNNING)) continue;
    if (i->ifa_addr->sa_family != AF_INET && i->ifa_addr->sa_family != AF_INET6) continue;
    vm_array_push(vm, list, interface_entry(vm, all, i));
  }
  freeifaddrs(all);
#endif
  return list;
}

/* ==== Constants ==== */

/* os.constants.errno of node on Linux, in its order; the values are this system's. */
static const struct {
  const char *name;
  int number;
} errno_names[] = {
    {"E2BIG", E2BIG}, {"EACCES", EACCES}, {"EADDRINUSE", EADDRINUSE},
    {"EADDRNOTAVAIL", EADDRNOTAVAIL}, {"EAFNOSUPPORT", EAFNOSUPPORT}, {"EAGAIN", EAGAIN},
    {"EALREADY", EALREADY}, {"EBADF", EBADF}, {"EBADMSG", EBADMSG}, {"EBUSY", EBUSY},
    {"ECANCELED", ECANCELED}, {"ECHILD", ECHILD}, {"ECONNABORTED", ECONNABORTED},
    {"ECONNREFUSED", ECONNREFUSED}, {"ECONNRESET", ECONNRESET}, {"EDEADLK", EDEADLK},
    {"EDESTADDRREQ", EDESTADDRREQ}, {"EDOM", EDOM}, {"EDQUOT", EDQUOT}, {"EEXIST", EEXIST},
    {"EFAULT", EFAULT}, {"EFBIG", EFBIG}, {"EHOSTUNREACH", EHOSTUNREACH}, {"EIDRM", EIDRM},
    {"EILSEQ", EILSEQ}, {"EINPROGRESS", EINPROGRESS}, {"EINTR", EINTR}, {"EINVAL", EINVAL},
    {"EIO", EIO}, {"EISCONN", EISCONN}, {"EISDIR", EISDIR}, {"ELOOP", ELOOP}, {"EMFILE", EMFILE},
    {"EMLINK", EMLINK}, {"EMSGSIZE", EMSGSIZE}, {"EMULTIHOP", EMULTIHOP},
    {"ENAMETOOLONG", ENAMETOOLONG}, {"ENETDOWN", ENETDOWN}, {"ENETRESET", ENETRESET},
    {"ENETUNREACH", ENETUNREACH}, {"ENFILE", ENFILE}, {"ENOBUFS", ENOBUFS},
#ifdef ENODATA
    {"ENODATA", ENODATA},
#endif
    {"ENODEV", ENODEV}, {"ENOENT", ENOENT}, {"ENOEXEC", ENOEXEC}, {"ENOLCK", ENOLCK},
    {"ENOLINK", ENOLINK}, {"ENOMEM", ENOMEM}, {"ENOMSG", ENOMSG}, {"ENOPROTOOPT", ENOPROTOOPT},
    {"ENOSPC", ENOSPC},
#ifdef ENOSR
    {"ENOSR", ENOSR},
#endif
#ifdef ENOSTR
    {"ENOSTR", ENOSTR},
#endif
    {"ENOSYS", ENOSYS}, {"ENOTCONN", ENOTCONN}, {"ENOTDIR", ENOTDIR}, {"ENOTEMPTY", ENOTEMPTY},
    {"ENOTSOCK", ENOTSOCK}, {"ENOTSUP", ENOTSUP}, {"ENOTTY", ENOTTY}, {"ENXIO", ENXIO},
    {"EOPNOTSUPP", EOPNOTSUPP}, {"EOVERFLOW", EOVERFLOW}, {"EPERM", EPERM}, {"EPIPE", EPIPE},
    {"EPROTO", EPROTO}, {"EPROTONOSUPPORT", EPROTONOSUPPORT}, {"EPROTOTYPE", EPROTOTYPE},
    {"ERANGE", ERANGE}, {"EROFS", EROFS}, {"ESPIPE", ESPIPE}, {"ESRCH", ESRCH},
    {"ESTALE", ESTALE},
#ifdef ETIME
    {"ETIME", ETIME},
#endif
    {"ETIMEDOUT", ETIMEDOUT}, {"ETXTBSY", ETXTBSY}, {"EWOULDBLOCK", EWOULDBLOCK},
    {"EXDEV", EXDEV},
};

/* errnoConstants(): os.constants.errno, a null-prototype object. */
static Value os_errno_constants(VM *vm, Value this_value, int argc, Value *argv) {
  Value o = vm_handle_push(vm, vm_object_with_proto(vm, VALUE_NULL));
  for (size_t i = 0; i < sizeof errno_names / sizeof *errno_names; i++)
    vm_define_str(vm, o, errno_names[i].name, value_from_number(errno_names[i].number),
                  VM_ATTR_DEFAULT);
  return o;
}

static Value os_signal_constants(VM *vm, Value this_value, int argc, Value *argv) {
  return signals_object(vm);
}

static const VMPropDef os_natives[] = {
    VM_FN_ENUM("uname", os_uname, 0),
    VM_FN_ENUM("hostname", os_hostname, 0),
    VM_FN_ENUM("memory", os_memory, 0),
    VM_FN_ENUM("uptime", os_uptime, 0),
    VM_FN_ENUM("loadavg", os_loadavg, 0),
    VM_FN_ENUM("cpus", os_cpus, 0),
    VM_FN_ENUM("availableParallelism", os_parallelism, 0),
    VM_FN_ENUM("userInfo", os_user_info, 0),
    VM_FN_ENUM("getPriority", os_get_priority, 1),
    VM_FN_ENUM("setPriority", os_set_priority, 2),
    VM_FN_ENUM("errno", os_errno, 1),
    VM_FN_ENUM("interfaces", os_interfaces, 0),
    VM_FN_ENUM("errnoConstants", os_errno_constants, 0),
    VM_FN_ENUM("signalConstants", os_signal_constants, 0),
    VM_PROPS_END,
};

Value os_module_create(Host *host) {
  VM *vm = host_vm(host);
  Value binding = vm_handle_push(vm, vm_object_new(vm));
  if (!vm_define_props(vm, binding, os_natives)) return VALUE_EXCEPTION;
  return binding;
}
