/* usage.c - what the process costs: process.memoryUsage (and memoryUsage.rss),
 * cpuUsage, resourceUsage, process.umask, and the clocks since the process began
 * (process.uptime, and performance.now through internal/perf). Book: chapter 8, "The
 * event loop".
 *
 * Entry points: usage_install, which process_create calls; perf_module_create. The resident set
 * is read from /proc/self/statm, the heap figures from the collector (vm_heap_size),
 * the rest from getrusage(2), in node's units (bytes; microseconds; kilobytes for
 * maxRSS).
 */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "stdlib/node/internal.h"

/* ==== Since the process began ==== */

typedef struct StartState {
  int64_t monotonic_ns; /* CLOCK_MONOTONIC at start */
  double origin_ms;     /* CLOCK_REALTIME at start: performance.timeOrigin */
} StartState;
static const VMStateType start_state = {"process start", sizeof(StartState), NULL, NULL};

static int64_t clock_ns(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void usage_note_start(VM *vm) {
  StartState *s = vm_state(vm, &start_state);
  s->monotonic_ns = clock_ns(CLOCK_MONOTONIC);
  s->origin_ms = (double)clock_ns(CLOCK_REALTIME) / 1e6;
}

/* Whole nanoseconds divided once, so that the milliseconds print as node's do
 * (449.585843, not 449.58584299997). */
double usage_elapsed_ms(VM *vm) {
  StartState *s = vm_state(vm, &start_state);
  return (double)(clock_ns(CLOCK_MONOTONIC) - s->monotonic_ns) / 1e6;
}

static Value perf_now(VM *vm, Value this_value, int argc, Value *argv) {
  return value_from_number(usage_elapsed_ms(vm));
}

static Value perf_time_origin(VM *vm, Value this_value, int argc, Value *argv) {
  return value_from_number(((StartState *)vm_state(vm, &start_state))->origin_ms);
}

static const VMPropDef perf_props[] = {
    VM_FN("now", perf_now, 0),
    VM_FN("timeOrigin", perf_time_origin, 0),
    VM_PROPS_END,
};

Value perf_module_create(Host *host) {
  VM *vm = host_vm(host);
  Value m = vm_handle_push(vm, vm_object_new(vm));
  return vm_define_props(vm, m, perf_props) ? m : VALUE_EXCEPTION;
}

/* ==== Memory and time used ==== */

/* Resident pages times the page size, as libuv's uv_resident_set_memory. */
static double resident_bytes(void) {
  FILE *f = fopen("/proc/self/statm", "r");
  unsigned long size = 0, resident = 0;
  if (f) {
    if (fscanf(f, "%lu %lu", &size, &resident) != 2) resident = 0;
    fclose(f);
  }
  return (double)resident * (double)sysconf(_SC_PAGESIZE);
}

static Value memory_rss(VM *vm, Value this_value, int argc, Value *argv) {
  return value_from_number(resident_bytes());
}

/* { rss, heapTotal, heapUsed, external, arrayBuffers }: tinynode's buffers live in
 * its heap, so external and arrayBuffers are 0. */
static Value memory_usage(VM *vm, Value this_value, int argc, Value *argv) {
  size_t used, total;
  vm_heap_size(vm, &used, &total);
  const double fields[] = {resident_bytes(), (double)total, (double)used, 0, 0};
  static const char *const names[] = {"rss", "heapTotal", "heapUsed", "external", "arrayBuffers"};
  Value o = vm_handle_push(vm, vm_object_new(vm));
  for (int i = 0; i < 5; i++) vm_define_str(vm, o, names[i], value_from_number(fields[i]), VM_ATTR_DEFAULT);
  return o;
}

/* ==== Memory left: the control group's limit ==== */

#define NO_LIMIT 18446744073709551616.0 /* libuv's UINT64_MAX: node prints 2^64 */

/* The number in dir/file; "max", or cgroup v1's page-rounded LONG_MAX, is NO_LIMIT; -1 if
 * the file is not there. */
static double cgroup_number(const char *dir, const char *file) {
  char path[PATH_MAX], text[64] = "";
  snprintf(path, sizeof path, "%s/%s", dir, file);
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  bool read = fgets(text, sizeof text, f) != NULL;
  fclose(f);
  if (!read) return -1;
  if (strncmp(text, "max", 3) == 0) return NO_LIMIT;
  double n = strtod(text, NULL);
  return n >= 9223372036854771712.0 ? NO_LIMIT : n;
}

/* The process's memory limit and what its group uses now, as libuv reads them: cgroup v2's
 * memory.max and memory.high, or v1's hard and soft limits, the lower of the two; where
 * /proc/self/cgroup names no group, NO_LIMIT and -1. */
static void cgroup_memory(double *limit, double *used) {
  bool v2 = access("/sys/fs/cgroup/cgroup.controllers", F_OK) == 0;
  char line[PATH_MAX], dir[PATH_MAX + 32] = "";
  FILE *f = fopen("/proc/self/cgroup", "r");
  while (f && !dir[0] && fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = '\0';
    char *path = strchr(line, ':') ? strchr(strchr(line, ':') + 1, ':') : NULL;
    if (!path) continue;
    *path++ = '\0';
    const char *controllers = strchr(line, ':') + 1;
    if (v2 && strcmp(line, "0:") == 0)
      snprintf(dir, sizeof dir, "/sys/fs/cgroup%s", path);
    else if (!v2 && strstr(controllers, "memory"))
      snprintf(dir, sizeof dir, "/sys/fs/cgroup/memory%s", path);
  }
  if (f) fclose(f);
  double a = cgroup_number(dir, v2 ? "memory.max" : "memory.limit_in_bytes");
  double b = cgroup_number(dir, v2 ? "memory.high" : "memory.soft_limit_in_bytes");
  *limit = a < 0 ? NO_LIMIT : b >= 0 && b < a ? b : a;
  *used = cgroup_number(dir, v2 ? "memory.current" : "memory.usage_in_bytes");
}

static Value constrained_memory(VM *vm, Value this_value, int argc, Value *argv) {
  double limit, used;
  cgroup_memory(&limit, &used);
  return value_from_number(limit);
}

/* What the process may still allocate: the free memory, or less under a group's limit. */
static Value available_memory(VM *vm, Value this_value, int argc, Value *argv) {
  double limit, used, free_bytes = os_meminfo("MemAvailable:");
  cgroup_memory(&limit, &used);
  if (free_bytes < 0) free_bytes = 0;
  if (limit < NO_LIMIT && used >= 0) {
    double left = limit > used ? limit - used : 0;
    if (left < free_bytes) free_bytes = left;
  }
  return value_from_number(free_bytes);
}

static double micros(struct timeval tv) { return (double)tv.tv_sec * 1e6 + (double)tv.tv_usec; }

/* prevValue.user or .system: a number >= 0 (node: validateNumber, then a range check
 * whose error is ERR_INVALID_ARG_VALUE as a RangeError). NAN with the error pending. */
static double previous(VM *vm, Value prev, const char *field, const char *name) {
  Value v = vm_handle_push(vm, vm_get_str(vm, prev, field));
  if (value_is_exception(v)) return NAN;
  if (!value_is_number(v)) return node_throw_arg_type(vm, name, "of type number", v), NAN;
  double d = value_to_number(v);
  if (d >= 0 && !isinf(d)) return d;
  char buf[32];
  StrBuf sb = {0};
  sb_printf(&sb, "The property '%s' is invalid. Received %s", name, vm_number_to_cstr(d, buf));
  Value message = vm_handle_push(vm, sb_finish(vm, &sb));
  vm_throw(vm, node_error_new(vm, ERR_RANGE, "ERR_INVALID_ARG_VALUE", message));
  return NAN;
}

/* cpuUsage(prevValue): { user, system } in microseconds, less prevValue's. */
static Value cpu_usage(VM *vm, Value this_value, int argc, Value *argv) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double user = micros(ru.ru_utime), system = micros(ru.ru_stime);
  Value prev = argc > 0 ? argv[0] : VALUE_UNDEFINED;
  if (vm_truthy(prev)) {
    if (!value_is_object(prev) || vm_is_callable(prev) || vm_is_array(prev))
      return node_throw_arg_type(vm, "prevValue", "of type object", prev);
    double u = previous(vm, prev, "user", "prevValue.user");
    if (isnan(u)) return VALUE_EXCEPTION;
    double s = previous(vm, prev, "system", "prevValue.system");
    if (isnan(s)) return VALUE_EXCEPTION;
    user -= u, system -= s;
  }
  Value o = vm_handle_push(vm, vm_object_new(vm));
  vm_define_str(vm, o, "user", value_from_number(user), VM_ATTR_DEFAULT);
  vm_define_str(vm, o, "system", value_from_number(system), VM_ATTR_DEFAULT);
  return o;
}

/* resourceUsage(): getrusage(2) under node's names, in its order. */
static Value resource_usage(VM *vm, Value this_value, int argc, Value *argv) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  const struct { const char *name; double value; } fields[] = {
      {"userCPUTime", micros(ru.ru_utime)}, {"systemCPUTime", micros(ru.ru_stime)},
      {"maxRSS", (double)ru.ru_maxrss}, {"sharedMemorySize", (double)ru.ru_ixrss},
      {"unsharedDataSize", (double)ru.ru_idrss}, {"unsharedStackSize", (double)ru.ru_isrss},
      {"minorPageFault", (double)ru.ru_minflt}, {"majorPageFault", (double)ru.ru_majflt},
      {"swappedOut", (double)ru.ru_nswap}, {"fsRead", (double)ru.ru_inblock},
      {"fsWrite", (double)ru.ru_oublock}, {"ipcSent", (double)ru.ru_msgsnd},
      {"ipcReceived", (double)ru.ru_msgrcv}, {"signalsCount", (double)ru.ru_nsignals},
      {"voluntaryContextSwitches", (double)ru.ru_nvcsw},
      {"involuntaryContextSwitches", (double)ru.ru_nivcsw},
  };
  Value o = vm_handle_push(vm, vm_object_new(vm));
  for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
    vm_define_str(vm, o, fields[i].name, value_from_number(fields[i].value), VM_ATTR_DEFAULT);
  return o;
}

/* node's parseFileMode(value, 'mask'): an octal string or a uint32. -1 with the error
 * pending. */
static double parse_mask(VM *vm, Value v) {
  if (value_is_string(v)) {
    uint32_t n = vm_string_length(v);
    double mode = 0;
    for (uint32_t i = 0; i < n; i++) {
      uint16_t u = vm_string_unit(v, i);
      if (u < '0' || u > '7')
        return node_throw_arg_value(vm, "mask", v, "must be a 32-bit unsigned integer or an octal string"), -1;
      mode = mode * 8 + (u - '0');
    }
    if (n == 0) /* node's /^[0-7]+$/ wants a digit */
      return node_throw_arg_value(vm, "mask", v, "must be a 32-bit unsigned integer or an octal string"), -1;
    v = value_from_number(mode);
  }
  if (!node_validate_integer(vm, v, "mask", 0, 4294967295.0)) return -1;
  return value_to_number(v);
}

/* umask(mask): the previous mask; without an argument, only reads it. */
static Value process_umask(VM *vm, Value this_value, int argc, Value *argv) {
  if (argc == 0 || value_is_undefined(argv[0])) {
    mode_t old = umask(0);
    umask(old);
    return value_from_number(old);
  }
  double mask = parse_mask(vm, argv[0]);
  if (mask < 0) return VALUE_EXCEPTION;
  return value_from_number(umask((mode_t)((uint32_t)mask & 0777)));
}

static const VMPropDef memory_usage_props[] = {
    VM_FN_ENUM("rss", memory_rss, 0),
    VM_PROPS_END,
};

/* In node's order on process. */
static const VMPropDef usage_rows[] = {
    VM_FN_ENUM("cpuUsage", cpu_usage, 1),
    VM_FN_ENUM("resourceUsage", resource_usage, 0),
    VM_FN_ENUM("memoryUsage", memory_usage, 0),
    VM_FN_ENUM("constrainedMemory", constrained_memory, 0),
    VM_FN_ENUM("availableMemory", available_memory, 0),
    VM_FN_ENUM("umask", process_umask, 1),
    VM_PROPS_END,
};

void usage_install(VM *vm, Value process) {
  vm_define_props(vm, process, usage_rows);
  Value mu = vm_handle_push(vm, vm_get_str(vm, process, "memoryUsage"));
  vm_define_props(vm, mu, memory_usage_props);
}
