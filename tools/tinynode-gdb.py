# tinynode-gdb.py - gdb helper: see JavaScript, not raw words, while stepping the VM.
# Book: chapter 13, "Debugging with gdb".
#
# Entry points: the pretty-printers (Value, String *, Object */Array */Closure *, Frame,
# Token, Node *) and the commands `js bt`, `js list`, `js dis`, `js stack`, `js locals`.
# The Makefile copies this file next to the binary as tinynode-gdb.py, so gdb loads it once
# `add-auto-load-safe-path` allows it (`make gdb FILE=x.js` does). Everything here only
# reads memory, never calls into the process, and caps every loop: it works on core files.

import math
import os
import re
import struct

import gdb
import gdb.printing

# ==== Limits: every loop over the inferior's memory stops at one of these ====

MAX_STRING_UNITS = 80     # a string longer than this is shown with "..."
MAX_CONST_UNITS = 4096    # string constants in `js dis` (they are printed whole)
MAX_PROPS_SHOWN = 4       # properties of {a: 1, ...} before "..."
MAX_PROPS_SCANNED = 256   # shape entries read while looking for them
MAX_ELEMENTS_SHOWN = 6    # array elements shown before "..."
MAX_PROTO_CHAIN = 16      # prototype links followed
MAX_FRAMES = 10000        # VM_FRAMES_MAX
MAX_BT_LINES = 200        # frames printed by `js bt` before "..."
MAX_STACK_VALUES = 4096   # operand-stack values and registers printed
MAX_CODE_BYTES = 1 << 20  # bytecode read by `js dis`
MAX_C_FRAMES = 256        # C frames walked up looking for `vm`
LIST_CONTEXT = 5          # source lines shown on each side by `js list`
MAX_NAME_BYTES = 256      # a variable's name in FunctionProto.names
_names = {}               # FunctionProto address -> its variable names, for one command

# ==== The Value encoding (vm/value.h) ====

TAG_MASK = 0xFFFF000000000000
PTR_MASK = 0x0000FFFFFFFFFFFF
TAG_CONST = 0xFFF9000000000000
TAG_STRING = 0xFFFB000000000000
TAG_OBJECT = 0xFFFC000000000000
TAG_SYMBOL = 0xFFFD000000000000
TAG_THING = 0xFFFE000000000000
CONSTANTS = {1: "undefined", 2: "null", 3: "false", 4: "true", 5: "<hole>", 6: "<exception>"}
VALUE_HOLE = TAG_CONST | 5


class Unreadable(Exception):
    """The inferior's memory does not hold what we expected (bad pointer, core file gap)."""


# ==== Reading memory ====

_types = {}


def ctype(name):
    """The gdb type called name (a typedef from the tinynode sources), looked up once."""
    if name not in _types:
        try:
            _types[name] = gdb.lookup_type(name)
        except gdb.error:
            raise gdb.GdbError("tinynode-gdb: no type %s (is this tinynode, built with -g?)"
                               % name)
    return _types[name]


def deref(addr, type_name):
    """The struct of type type_name at address addr, as a gdb.Value."""
    if addr == 0:
        raise Unreadable("NULL %s" % type_name)
    return gdb.Value(addr).cast(ctype(type_name).pointer()).dereference()


def read_bytes(addr, size):
    try:
        return bytes(gdb.selected_inferior().read_memory(addr, size))
    except gdb.MemoryError:
        raise Unreadable("cannot read %d bytes at 0x%x" % (size, addr))


def read_u64(addr):
    return struct.unpack("<Q", read_bytes(addr, 8))[0]


def field_offset(type_name, field):
    for f in ctype(type_name).strip_typedefs().fields():
        if f.name == field:
            return f.bitpos // 8
    raise gdb.GdbError("tinynode-gdb: %s has no field %s" % (type_name, field))


def read_cstring(addr, limit=4096):
    """A NUL-terminated C string (a file name), read in small pieces up to limit bytes."""
    out = b""
    while addr and len(out) < limit:
        try:
            chunk = read_bytes(addr + len(out), 64)
        except Unreadable:
            break
        out += chunk.split(b"\0", 1)[0]
        if b"\0" in chunk:
            break
    return out.decode("utf-8", "replace")


def enum_names(type_name, prefix):
    """{value: NAME} of a C enum, from the debug info, with prefix removed."""
    key = "enum:" + type_name
    if key not in _types:
        _types[key] = {f.enumval: f.name[len(prefix):] if f.name.startswith(prefix) else f.name
                       for f in ctype(type_name).strip_typedefs().fields()}
    return _types[key]


# ==== Numbers and strings, as JavaScript prints them ====

def js_number(d):
    """Number.prototype.toString(): shortest round-trip digits, exponent past 1e21/1e-7."""
    if d != d:
        return "NaN"
    if math.isinf(d):
        return "Infinity" if d > 0 else "-Infinity"
    if d == 0:
        return "-0" if math.copysign(1, d) < 0 else "0"
    sign = "-" if d < 0 else ""
    mant, _, exp = repr(abs(d)).partition("e")
    ip, _, fp = mant.partition(".")
    if fp == "0":
        fp = ""
    exp = int(exp) if exp else 0
    digits = (ip + fp).lstrip("0")
    n = (len(ip) if ip != "0" else -(len(fp) - len(fp.lstrip("0")))) + exp
    digits = digits.rstrip("0")
    k = len(digits)
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * -n + digits
    e = n - 1
    frac = digits[0] + ("." + digits[1:] if k > 1 else "")
    return "%s%se%s%d" % (sign, frac, "+" if e >= 0 else "-", abs(e))


def number_of(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


#> tools.gdb-string
def string_units(addr, limit):
    """The first min(length, limit) UTF-16 code units of the String at addr, and length."""
    s = deref(addr, "String")
    length = int(s["length"])
    n = min(length, limit)
    data = addr + field_offset("String", "data")
    if int(s["wide"]):  # uint16_t units
        return list(struct.unpack("<%dH" % n, read_bytes(data, 2 * n))), length
    return list(read_bytes(data, n)), length  # Latin-1: one byte per unit
#< tools.gdb-string


def code_points(units):
    """UTF-16 units -> code points; a lone surrogate stays as itself."""
    i = 0
    while i < len(units):
        u = units[i]
        if 0xD800 <= u < 0xDC00 and i + 1 < len(units) and 0xDC00 <= units[i + 1] < 0xE000:
            yield 0x10000 + ((u - 0xD800) << 10) + (units[i + 1] - 0xDC00)
            i += 2
        else:
            yield u
            i += 1


def quote_js(units, truncated):
    """A single-quoted literal like Node's inspect: 'it\\'s', with ... when cut short."""
    out = []
    for cp in code_points(units):
        if cp == 0x27 or cp == 0x5C:
            out.append("\\" + chr(cp))
        elif cp in (0x0A, 0x09, 0x0D, 0x08, 0x0C, 0x0B):
            out.append({10: "\\n", 9: "\\t", 13: "\\r", 8: "\\b", 12: "\\f", 11: "\\v"}[cp])
        elif cp < 0x20 or cp == 0x7F:
            out.append("\\x%02X" % cp)
        elif 0xD800 <= cp < 0xE000:
            out.append("\\u%04X" % cp)
        else:
            out.append(chr(cp))
    return "'" + "".join(out) + ("..." if truncated else "") + "'"


def quote_c(units, truncated):
    """A double-quoted literal as `--dump-bytecode` prints constants (vm/disasm.c)."""
    out = []
    for cp in code_points(units):
        if cp == 0x22 or cp == 0x5C:
            out.append("\\" + chr(cp))
        elif cp == 0x0A:
            out.append("\\n")
        elif cp < 0x20 or 0xD800 <= cp < 0xE000:
            out.append("\\u%04x" % cp)
        else:
            out.append(chr(cp))
    return '"' + "".join(out) + ("..." if truncated else "") + '"'


def string_text(addr, limit=MAX_STRING_UNITS):
    """The String at addr as Python text (no quotes), cut at limit units."""
    units, length = string_units(addr, limit)
    return "".join(chr(c) if not 0xD800 <= c < 0xE000 else "\\u%04X" % c
                   for c in code_points(units)) + ("..." if length > limit else "")


def string_literal(addr, limit=MAX_STRING_UNITS):
    units, length = string_units(addr, limit)
    return quote_js(units, length > limit)


# ==== Values ====

def heap_type(addr):
    """The GcType name (STRING, OBJECT, FUNCTION_PROTO, ...) of the heap thing at addr."""
    t = int(deref(addr, "GcHeader")["type"])
    return enum_names("GcType", "GC_").get(t, "?%d" % t)


def proto_name(proto_addr):
    """How a FunctionProto is named in traces: its name, (toplevel) or (anonymous)."""
    p = deref(proto_addr, "FunctionProto")
    name = int(p["name"])
    text = string_text(name) if name else ""
    if text:
        return text
    toplevel = 1 << 10  # FN_TOPLEVEL in parser/ast.h
    return "(toplevel)" if int(p["flags"]) & toplevel else "(anonymous)"


def own_props(obj_addr):
    """(key Value, attrs, slot Value) of an object's own properties, in slot order."""
    o = deref(obj_addr, "Object")
    shape = deref(int(o["shape"]), "Shape")
    count = min(int(shape["count"]), MAX_PROPS_SCANNED)
    props, slots = int(shape["props"]), int(o["slots"])
    size = ctype("ShapeProp").sizeof
    key_at, attrs_at = field_offset("ShapeProp", "key"), field_offset("ShapeProp", "attrs")
    for i in range(count):
        key = read_u64(props + i * size + key_at)
        if key == VALUE_HOLE:  # a deleted property of a dictionary shape
            continue
        attrs = read_bytes(props + i * size + attrs_at, 1)[0]
        yield key, attrs, read_u64(slots + 8 * i)


def find_prop(obj_addr, name):
    """The own data property called name (a string key), or None."""
    for key, attrs, slot in own_props(obj_addr):
        if key & TAG_MASK == TAG_STRING and string_text(key & PTR_MASK, 64) == name:
            return None if attrs & 8 else slot  # 8 = ATTR_ACCESSOR: not a plain value
    return None


def find_inherited(obj_addr, name):
    seen = set()
    while obj_addr and obj_addr not in seen and len(seen) < MAX_PROTO_CHAIN:
        seen.add(obj_addr)
        v = find_prop(obj_addr, name)
        if v is not None:
            return v
        obj_addr = int(deref(obj_addr, "Object")["proto"])
    return None


def key_text(key):
    if key & TAG_MASK == TAG_SYMBOL:
        return "[%s]" % symbol_text(key & PTR_MASK)
    name = string_text(key & PTR_MASK, 40)
    if re.match(r"^[A-Za-z_$][A-Za-z0-9_$]*$", name):
        return name
    return string_literal(key & PTR_MASK, 40)


def symbol_text(addr):
    desc = int(deref(addr, "Symbol")["description"])
    return "Symbol(%s)" % (string_text(desc) if desc else "")


def klass_name(obj_addr):
    """The object's built-in class (ARRAY, CLOSURE, ...), or HOST for a class registered
    by the stdlib (vm_class_register: its name is in the VM's table, not in the object)."""
    k = int(deref(obj_addr, "Object")["klass"])
    names = enum_names("ObjectClass", "CLASS_")
    if k >= max(v for v, n in names.items() if n == "BUILTIN_COUNT"):
        return "HOST"
    return names.get(k, "?%d" % k)


def function_text(obj_addr, klass):
    if klass == "CLOSURE":
        return "<fn %s>" % proto_name(int(deref(obj_addr, "Closure")["proto"]))
    name = find_prop(obj_addr, "name")
    text = string_text(name & PTR_MASK) if name and name & TAG_MASK == TAG_STRING else ""
    return "<%s %s>" % ("native" if klass == "NATIVE" else "bound", text or "(anonymous)")


def array_text(obj_addr, depth):
    a = deref(obj_addr, "Array")
    length, capacity = int(a["length"]), int(a["capacity"])
    if depth > 0:
        return "[Array(%d)]" % length
    dense = min(length, capacity, MAX_ELEMENTS_SHOWN)
    items = [format_value(read_u64(int(a["elements"]) + 8 * i), depth + 1)
             for i in range(dense)]
    if length > dense:
        items.append("... %d more" % (length - dense))
    return "[" + ", ".join(items) + "]"


def object_text(obj_addr, depth):
    if obj_addr == global_object():
        return "[global]"
    if depth > 0:
        return "[Object]"
    items = []
    for key, attrs, slot in own_props(obj_addr):
        if not attrs & 2:  # ATTR_ENUMERABLE: inspect shows only these
            continue
        if len(items) == MAX_PROPS_SHOWN:
            items.append("...")
            break
        shown = "[Getter/Setter]" if attrs & 8 else format_value(slot, depth + 1)
        items.append("%s: %s" % (key_text(key), shown))
    return "{" + ", ".join(items) + "}" if items else "{}"


def error_text(obj_addr):
    name = find_inherited(obj_addr, "name")
    message = find_prop(obj_addr, "message")
    text = string_text(name & PTR_MASK) if name and name & TAG_MASK == TAG_STRING else "Error"
    if message and message & TAG_MASK == TAG_STRING:
        text += ": " + string_text(message & PTR_MASK)
    return "[%s]" % text


#> tools.gdb-format-object
def format_object(addr, depth):
    """An object by its class: [Array(3)], <fn name>, {a: 1, b: 'x'}, [Map]."""
    klass = klass_name(addr)
    if klass in ("CLOSURE", "NATIVE", "BOUND"):
        return function_text(addr, klass)
    if klass == "ARRAY":
        return array_text(addr, depth)
    if klass == "OBJECT":
        return object_text(addr, depth)
    if klass == "ERROR":
        return error_text(addr)
    if klass in ("BOOLEAN", "NUMBER", "STRING", "SYMBOL"):
        inner = read_u64(addr + field_offset("Boxed", "primitive"))
        return "[%s: %s]" % (klass.title(), format_value(inner, depth + 1))
    return "[%s]" % klass.title().replace("_", "")
#< tools.gdb-format-object


def format_thing(addr, depth):
    kind = heap_type(addr)
    if kind == "CELL" and depth == 0:
        return "<cell %s>" % format_value(read_u64(addr + field_offset("Cell", "value")), 1)
    if kind == "FUNCTION_PROTO":
        return "<proto %s>" % proto_name(addr)
    return "<%s>" % kind.lower().replace("_", " ")


#> tools.gdb-format-value
def format_value(bits, depth=0):
    """A Value (the 64-bit word) as JavaScript would show it. Nested objects (depth > 0)
    are shown in brief, which also stops cycles."""
    bits &= 0xFFFFFFFFFFFFFFFF
    if bits < TAG_CONST:
        return js_number(number_of(bits))
    tag, addr = bits & TAG_MASK, bits & PTR_MASK
    try:
        if tag == TAG_CONST:
            return CONSTANTS.get(addr, "<bad constant %d>" % addr)
        if tag == TAG_STRING:
            return string_literal(addr)
        if tag == TAG_OBJECT:
            return format_object(addr, depth)
        if tag == TAG_SYMBOL:
            return symbol_text(addr)
        if tag == TAG_THING:
            return format_thing(addr, depth)
    except (Unreadable, gdb.MemoryError, gdb.error) as e:
        return "<unreadable 0x%x: %s>" % (bits, e)
    return "<bad value 0x%x>" % bits
#< tools.gdb-format-value


# ==== Frames (the explicit frame array of vm/internal.h) ====

def global_object():
    """The address of the global object (vm->intrinsics[INTRINSIC_GLOBAL]), or 0."""
    try:
        vm, _ = find_vm()
        return int(vm["intrinsics"][int(gdb.parse_and_eval("INTRINSIC_GLOBAL"))])
    except (gdb.error, gdb.GdbError, gdb.MemoryError):
        return 0


#> tools.gdb-find-vm
def find_vm():
    """The VM *: `vm` in the selected C frame, or in the nearest caller that has one
    that looks like a VM (an optimised build may show a register that no longer holds
    it). Returns (vm, the C frame it was found in)."""
    frame, doubtful = gdb.selected_frame(), None
    for _ in range(MAX_C_FRAMES):
        if frame is None:
            break
        try:
            vm = frame.read_var("vm")
            if (not vm.is_optimized_out and vm.type.strip_typedefs().code == gdb.TYPE_CODE_PTR
                    and int(vm) != 0):
                if plausible_vm(vm):
                    return vm, frame
                doubtful = doubtful or vm
        except (ValueError, gdb.error):  # no such variable here, or no debug info
            pass
        frame = frame.older()
    if doubtful is not None:
        raise gdb.GdbError("js: `vm` holds 0x%x, whose frame count makes no sense. %s"
                           % (int(doubtful), optimised_note()))
    raise gdb.GdbError("js: no `vm` in this C frame or its callers "
                       "(stop inside the VM, e.g. `break vm_debugger_hook`)")
#< tools.gdb-find-vm


def plausible_vm(vm):
    """Does vm point at a VM: a readable frame count in range, a frame array if any?"""
    try:
        count = int(vm["frame_count"])
        return 0 <= count <= MAX_FRAMES and (count == 0 or int(vm["frames"]) != 0)
    except (gdb.error, gdb.MemoryError):
        return False


def optimised_note():
    """What to tell the user when the VM's variables cannot be trusted: plainly that
    this binary is optimised, when its debug information says so."""
    try:
        symbol = gdb.lookup_global_symbol("interp_run")
        producer = symbol.symtab.producer if symbol is not None else ""
    except (gdb.error, AttributeError):
        producer = ""
    if re.search(r"(^| )-O[1-3s]", producer or ""):
        return ("This tinynode is an optimised build (%s): gdb cannot always find its "
                "variables. Use `make gdb FILE=x.js` (a -O0 build with the switch "
                "dispatch) to debug." % re.search(r"-O[1-3s]", producer).group(0))
    return "Stop inside the VM (e.g. `break vm_debugger_hook`) and try again."


class JsFrame(object):
    """One entry of vm->frames, with what the commands need decoded."""

    def __init__(self, vm, index, live_pc=None):
        self.index = index
        self.value = vm["frames"][index]
        self.proto = int(self.value["proto"])
        self.function = int(self.value["function"])
        self.pc = live_pc if live_pc is not None else int(self.value["pc"])
        self.registers = int(self.value["registers"])

    def offset(self):
        """The instruction being run: pc was saved just past its opcode byte."""
        code = int(deref(self.proto, "FunctionProto")["code"])
        return self.pc - code - 1 if self.pc > code else 0

    def name(self):
        if self.proto:
            return proto_name(self.proto)
        name = find_prop(self.function, "name")
        text = string_text(name & PTR_MASK) if name and name & TAG_MASK == TAG_STRING else ""
        return text or "(anonymous)"

    def filename(self):
        return read_cstring(int(deref(self.proto, "FunctionProto")["filename"]))

    def where(self):
        """file:line:col, or <native>."""
        if not self.proto:
            return "<native>"
        line, col = position(self.proto, self.offset())
        return "%s:%d:%d" % (self.filename(), line, col)


def line_table(proto_addr):
    """[(pc, line, column, name)] of a FunctionProto, read in one piece."""
    p = deref(proto_addr, "FunctionProto")
    count = min(int(p["line_count"]), MAX_CODE_BYTES)
    size = ctype("LineEntry").sizeof
    raw = read_bytes(int(p["lines"]), size * count) if count else b""
    fields = [field_offset("LineEntry", f) for f in ("pc", "line", "column", "name")]
    return [tuple(struct.unpack_from("<I", raw, i * size + f)[0] for f in fields)
            for i in range(count)]


#> tools.gdb-position
def position(proto_addr, offset):
    """(line, column) of the instruction at offset: the last line-table entry whose pc
    is <= offset, found by binary search (as vm/error.c: proto_position does); before
    the first entry, where the function starts (as --trace shows it)."""
    p = deref(proto_addr, "FunctionProto")
    lines, count = p["lines"], int(p["line_count"])
    lo, hi = 0, count
    while lo < hi:  # at most 32 steps: count is a uint32_t
        mid = (lo + hi) // 2
        if int(lines[mid]["pc"]) <= offset:
            lo = mid + 1
        else:
            hi = mid
    if lo == 0:  # the prologue, before the first entry: the function's own position
        return int(p["line"]), int(p["column"])
    e = lines[lo - 1]
    return int(e["line"]), int(e["column"])
#< tools.gdb-position


#> tools.gdb-frames
def js_frames(vm, c_frame):
    """vm->frames[0..frame_count), innermost first. When the C frame where vm was found
    is interp_run itself, its local pc is newer than frame->pc (saved only before calls
    out), so the innermost frame uses it: stepping the loop shows where it really is."""
    count = int(vm["frame_count"])
    if not 0 <= count <= MAX_FRAMES:
        raise gdb.GdbError("js: vm->frame_count is %d, which makes no sense. %s"
                           % (count, optimised_note()))
    live = live_registers(vm, c_frame, count)
    frames = []
    for i in range(count - 1, -1, -1):
        frames.append(JsFrame(vm, i, live[0] if live and i == count - 1 else None))
    return frames, (live[1] if live else int(vm["sp"]))
#< tools.gdb-frames


def live_registers(vm, c_frame, count):
    """(pc, sp) from interp_run's locals, if c_frame is interp_run running the top frame."""
    if count == 0 or c_frame.name() != "interp_run":
        return None
    try:
        frame, pc, sp = (c_frame.read_var(n) for n in ("frame", "pc", "sp"))
        if any(v.is_optimized_out for v in (frame, pc, sp)):
            return None
        if int(frame) != int(vm["frames"][count - 1].address):
            return None
        return int(pc), int(sp)
    except (ValueError, gdb.error):
        return None


def current_frame(frames, arg):
    """The JS frame a command works on: number arg as `js bt` counts, else the innermost
    JavaScript (not native) frame."""
    if arg.strip():
        try:
            n = int(arg.strip())
        except ValueError:
            raise gdb.GdbError("js: expected a frame number as `js bt` shows, not %r" % arg)
        if not 0 <= n < len(frames):
            raise gdb.GdbError("js: no frame #%d (there are %d)" % (n, len(frames)))
        if not frames[n].proto:
            raise gdb.GdbError("js: frame #%d is a native function" % n)
        return n, frames[n]
    for n, f in enumerate(frames):
        if f.proto:
            return n, f
    raise gdb.GdbError("js: no JavaScript frame is running")


def stack_end(frames, n, sp):
    """Where frame #n's operand stack ends: vm->sp for the innermost frame; for a caller,
    just past the callee, this and arguments it pushed for frame #n-1."""
    if n == 0:
        return sp
    callee = frames[n - 1]
    return callee.registers + 8 * int(callee.value["argc"])


# ==== Disassembly (the instruction set of vm/opcodes.h) ====

FORMAT_SIZES = [1, 2, 3, 5, 5]  # OPF_NONE, OPF_U8, OPF_U16, OPF_U16U16, OPF_I32
OPF_NONE, OPF_U8, OPF_U16, OPF_U16U16, OPF_I32 = range(5)
REGISTER_OPS = {"GET_LOCAL", "SET_LOCAL", "GET_LOCAL_CHECKED", "NEW_CELL", "COPY_CELL",
                "GET_CELL", "SET_CELL", "GET_CELL_CHECKED"}
UPVALUE_OPS = {"GET_UPVAL", "SET_UPVAL", "GET_UPVAL_CHECKED"}


def opcode_table():
    """[(name, format)] indexed by opcode: names from the enum Opcode, formats from the
    binary's opcode_info table (static data: readable in a core file too)."""
    if "opcodes" not in _types:
        names = enum_names("Opcode", "OP_")
        count = max(v for v, n in names.items() if n != "COUNT")
        info = gdb.parse_and_eval("opcode_info")
        _types["opcodes"] = [(names.get(i, "?%d" % i), int(info[i]["format"]))
                             for i in range(count + 1)]
    return _types["opcodes"]


def constant_text(bits):
    """A constant as `--dump-bytecode` shows it: 42, "text", <fn name>."""
    tag = bits & TAG_MASK
    if bits < TAG_CONST:
        return js_number(number_of(bits))
    if tag == TAG_STRING:
        units, length = string_units(bits & PTR_MASK, MAX_CONST_UNITS)
        return quote_c(units, length > MAX_CONST_UNITS)
    if tag == TAG_THING and heap_type(bits & PTR_MASK) == "FUNCTION_PROTO":
        return "<fn %s>" % proto_name(bits & PTR_MASK)
    return "<?>"


def variable_names(p):
    """The names of p's registers, then of its upvalues ("" for a temporary): the packed
    strings of FunctionProto.names (vm/compile.c: pack_names); [] when it has none."""
    key = int(p.address)
    if key not in _names:
        _names[key] = read_names(p)
    return _names[key]


def read_names(p):
    count = min(int(p["register_count"]) + int(p["upval_count"]), MAX_STACK_VALUES)
    addr = int(p["names"])
    names = []
    while addr and len(names) < count:
        name = read_cstring(addr, MAX_NAME_BYTES)
        names.append(name)
        addr += len(name.encode("utf-8")) + 1
    return names


def variable_text(prefix, v, names, index):
    """r5 or r5 total, as vm/disasm.c: print_variable prints a register or upvalue."""
    name = names[index] if 0 <= index < len(names) else ""
    return "%s%d %s" % (prefix, v, name) if name else "%s%d" % (prefix, v)


def u16_text(p, name, v):
    if name in REGISTER_OPS:
        return variable_text("r", v, variable_names(p), v)
    if name in UPVALUE_OPS:
        return variable_text("u", v, variable_names(p), int(p["register_count"]) + v)
    if name == "NEW_ARRAY":
        return "%d" % v
    if v >= int(p["constant_count"]):
        return "k%d <bad constant>" % v
    return "k%d %s" % (v, constant_text(read_u64(int(p["constants"]) + 8 * v)))


#> tools.gdb-instruction
def instruction_text(p, code, offset):
    """One instruction as vm/disasm.c: disasm_instruction prints it; and its size."""
    table = opcode_table()
    if code[offset] >= len(table):
        return "<bad opcode %d>" % code[offset], 1
    name, fmt = table[code[offset]]
    size = FORMAT_SIZES[fmt]
    if offset + size > len(code):
        return "<truncated %s>" % name, len(code) - offset
    a = code[offset + 1] | code[offset + 2] << 8 if size >= 3 else 0
    b = code[offset + 3] | code[offset + 4] << 8 if size >= 5 else 0
    if fmt == OPF_NONE:
        return name, size
    text = "%-18s " % name
    if fmt == OPF_U8:
        text += "%d" % code[offset + 1]
    elif fmt == OPF_U16:
        text += u16_text(p, name, a)
    elif fmt == OPF_U16U16:
        text += u16_text(p, name, a) + " " + u16_text(p, "PUSH_CONST", b)
    else:  # OPF_I32: an immediate, or a jump relative to the next instruction
        v = struct.unpack("<i", bytes(code[offset + 1:offset + 5]))[0]
        text += "%d" % v if name == "PUSH_INT" else "-> %04d" % (offset + size + v)
    return text, size
#< tools.gdb-instruction


def disassemble(proto_addr, current):
    """The lines of `js dis`: --dump-bytecode's listing of one function, => at current."""
    p = deref(proto_addr, "FunctionProto")
    length = min(int(p["code_length"]), MAX_CODE_BYTES)
    code = read_bytes(int(p["code"]), length) if length else b""
    filename = os.path.basename(read_cstring(int(p["filename"]))) or "?"
    head = "== %s (%s:%d) params=%d registers=%d stack=%d" % (
        proto_name(proto_addr), filename, int(p["line"]), int(p["param_count"]),
        int(p["register_count"]), int(p["max_stack"]))
    for field, label in (("arguments_register", "arguments"), ("rest_register", "rest")):
        if int(p[field]) >= 0:
            head += " %s=r%d" % (label, int(p[field]))
    out = [head + " =="]
    starts = {e[0]: e for e in line_table(proto_addr)}
    offset = 0
    while offset < length:
        e = starts.get(offset)
        where = "%d:%d" % (e[1], e[2]) if e else ""
        text, size = instruction_text(p, code, offset)
        if e and e[3] and e[3] - 1 < int(p["constant_count"]):
            site = read_u64(int(p["constants"]) + 8 * (e[3] - 1))
            if site & TAG_MASK == TAG_STRING:
                text += "  ; k%d %s" % (e[3] - 1, constant_text(site))
        mark = "=>" if offset <= current < offset + size else "  "
        out.append("%s%04d %7s  %s" % (mark, offset, where, text))
        offset += max(size, 1)
    return out + tables(p)


def tables(p):
    out = []
    for i in range(min(int(p["handler_count"]), MAX_STACK_VALUES)):
        h = p["handlers"][i]
        out.append("  handler [%04d, %04d) -> %04d  depth=%d" % (
            int(h["start"]), int(h["end"]), int(h["handler"]), int(h["stack_depth"])))
    names = variable_names(p)
    for i in range(min(int(p["upval_count"]), MAX_STACK_VALUES)):
        u = p["upvals"][i]
        out.append("  upvalue %s <- %s%d" % (
            variable_text("u", i, names, int(p["register_count"]) + i),
            "r" if int(u["from_register"]) else "u", int(u["index"])))
    return out


# ==== Pretty-printers ====

class TextPrinter(object):
    """A printer whose whole output is one piece of text, made on demand."""

    def __init__(self, make):
        self.make = make

    def to_string(self):
        try:
            return self.make()
        except (Unreadable, gdb.MemoryError, gdb.error) as e:
            return "<unreadable: %s>" % e


def pointer_text(val, describe):
    addr = int(val)
    if addr == 0:
        return "0x0"
    return "0x%x %s" % (addr, describe(addr))


def frame_text(val):
    proto = int(val["proto"])
    fn = int(val["function"])
    if not proto:
        name = find_prop(fn, "name") if fn else None
        text = string_text(name & PTR_MASK) if name and name & TAG_MASK == TAG_STRING else ""
        return "<native frame %s>" % (text or "(anonymous)")
    code = int(deref(proto, "FunctionProto")["code"])
    pc = int(val["pc"])
    line, col = position(proto, pc - code - 1 if pc > code else 0)
    filename = read_cstring(int(deref(proto, "FunctionProto")["filename"]))
    return "<frame %s at %s:%d:%d>" % (proto_name(proto), filename, line, col)


def token_text(val):
    kind = str(val["kind"])
    kind = kind[4:] if kind.startswith("TOK_") else kind
    extra = ""
    if kind == "NUMBER":
        extra = " " + js_number(float(val["number"]))
    elif int(val["name"]):
        extra = " " + read_cstring(int(val["name"]), 80)
    elif kind == "STRING":
        s = val["string"]
        n = min(int(s["length"]), MAX_STRING_UNITS)
        units = struct.unpack("<%dH" % n, read_bytes(int(s["units"]), 2 * n)) if n else []
        extra = " " + quote_js(list(units), int(s["length"]) > n)
    return "{%s%s %d:%d}" % (kind, extra, int(val["line"]), int(val["column"]))


def node_text(addr):
    n = deref(addr, "Node")
    kind = str(n["kind"])
    extra = ""
    if kind == "NODE_IDENTIFIER" and int(n["as"]["ident"]["name"]):
        extra = " " + read_cstring(int(n["as"]["ident"]["name"]), 80)
    elif kind == "NODE_NUMBER":
        extra = " " + js_number(float(n["as"]["number"]))
    return "<%s%s %d:%d>" % (kind, extra, int(n["line"]), int(n["column"]))


POINTER_PRINTERS = {
    "String": lambda a: string_literal(a),
    "Object": lambda a: format_object(a, 0),
    "Array": lambda a: format_object(a, 0),
    "Closure": lambda a: format_object(a, 0),
    "Native": lambda a: format_object(a, 0),
    "Symbol": symbol_text,
    "FunctionProto": lambda a: "<proto %s>" % proto_name(a),
    "Node": node_text,
}


def type_name(t):
    """The name a type is written with in our sources: a typedef name, or a struct tag."""
    t = t.unqualified()
    return t.name or t.strip_typedefs().tag


#> tools.gdb-lookup
def lookup_printer(val):
    """gdb asks this for every value it prints: a printer, or None for gdb's own."""
    t = val.type.unqualified()
    if t.code == gdb.TYPE_CODE_TYPEDEF and t.name == "Value":
        return TextPrinter(lambda: format_value(int(val)))
    if t.code == gdb.TYPE_CODE_PTR:
        describe = POINTER_PRINTERS.get(type_name(t.target()))
        if describe:
            return TextPrinter(lambda: pointer_text(val, describe))
        return None
    name = type_name(t)
    if name == "Frame":
        return TextPrinter(lambda: frame_text(val))
    if name == "Node":
        return TextPrinter(lambda: node_text(int(val.address)))
    if name == "Token":
        return TextPrinter(lambda: token_text(val))
    return None
#< tools.gdb-lookup


class TinynodePrinters(gdb.printing.PrettyPrinter):
    """The collection, so `info pretty-printer` lists it and `disable pretty-printer`
    (or `print/r`) shows the raw words again."""

    def __init__(self):
        super(TinynodePrinters, self).__init__("tinynode")

    def __call__(self, val):
        return lookup_printer(val)


# ==== Commands ====

def plural(n, word):
    return "%d %s%s" % (n, word, "" if n == 1 else "s")


class JsCommand(gdb.Command):
    """JavaScript-level view of the tinynode VM: js bt, js list, js dis, js stack,
    js locals. The optional frame number is the one `js bt` shows (default: the
    innermost JavaScript frame)."""

    def __init__(self):
        super(JsCommand, self).__init__("js", gdb.COMMAND_STACK, prefix=True)


class JsSubcommand(gdb.Command):
    def __init__(self, name):
        super(JsSubcommand, self).__init__("js " + name, gdb.COMMAND_STACK)

    def invoke(self, arg, from_tty):
        _names.clear()  # the program ran since the last command: read names afresh
        vm, c_frame = find_vm()
        frames, sp = js_frames(vm, c_frame)
        try:
            self.run(vm, frames, sp, arg)
        except Unreadable as e:
            raise gdb.GdbError("js: unreadable memory: %s" % e)


#> tools.gdb-js-bt
class JsBacktrace(JsSubcommand):
    """js bt: the JavaScript call stack, innermost first: #N name (file:line:col)."""

    def __init__(self):
        super(JsBacktrace, self).__init__("bt")

    def run(self, vm, frames, sp, arg):
        if not frames:
            gdb.write("(no JavaScript frames)\n")
        for n, f in enumerate(frames[:MAX_BT_LINES]):
            gdb.write("#%d %s (%s)\n" % (n, f.name(), f.where()))
        if len(frames) > MAX_BT_LINES:
            gdb.write("... %d more frames\n" % (len(frames) - MAX_BT_LINES))
#< tools.gdb-js-bt


class JsList(JsSubcommand):
    """js list [N]: the source lines around where JavaScript frame N is (default 0)."""

    def __init__(self):
        super(JsList, self).__init__("list")

    def run(self, vm, frames, sp, arg):
        n, f = current_frame(frames, arg)
        line, col = position(f.proto, f.offset())
        name = f.filename()
        try:
            with open(name, encoding="utf-8", errors="replace") as source:
                text = source.read(1 << 24).split("\n")
            if text and text[-1] == "":  # the newline ending the last line
                text.pop()
        except (IOError, OSError) as e:
            raise gdb.GdbError("js list: cannot read %s: %s" % (name, e.strerror))
        gdb.write("#%d %s (%s:%d:%d)\n" % (n, f.name(), name, line, col))
        for i in range(max(1, line - LIST_CONTEXT), min(len(text), line + LIST_CONTEXT) + 1):
            gdb.write("%s%4d  %s\n" % ("=>" if i == line else "  ", i, text[i - 1]))


class JsDis(JsSubcommand):
    """js dis [N]: the bytecode of JavaScript frame N's function, => at its instruction."""

    def __init__(self):
        super(JsDis, self).__init__("dis")

    def run(self, vm, frames, sp, arg):
        n, f = current_frame(frames, arg)
        gdb.write("\n".join(disassemble(f.proto, f.offset())) + "\n")


class JsStack(JsSubcommand):
    """js stack [N]: the operand stack of JavaScript frame N, bottom first, top last."""

    def __init__(self):
        super(JsStack, self).__init__("stack")

    def run(self, vm, frames, sp, arg):
        n, f = current_frame(frames, arg)
        base = f.registers + 8 * int(deref(f.proto, "FunctionProto")["register_count"])
        end = stack_end(frames, n, sp)
        count = (end - base) // 8
        if not 0 <= count <= MAX_STACK_VALUES:
            raise gdb.GdbError("js stack: %d values between registers and sp: not a stack"
                               % count)
        gdb.write("#%d %s: %s on the operand stack%s\n" % (
            n, f.name(), plural(count, "value"), ", top last" if count > 1 else ""))
        for i in range(count):
            gdb.write("  [%d] %s\n" % (i, format_value(read_u64(base + 8 * i))))


#> tools.gdb-js-locals
class JsLocals(JsSubcommand):
    """js locals [N]: this, the registers (parameters, then locals) of frame N by their
    variables' names, and the variables it captured from enclosing functions."""

    def __init__(self):
        super(JsLocals, self).__init__("locals")

    def run(self, vm, frames, sp, arg):
        n, f = current_frame(frames, arg)
        p = deref(f.proto, "FunctionProto")
        count = min(int(p["register_count"]), MAX_STACK_VALUES)
        params, names = int(p["param_count"]), variable_names(p)
        gdb.write("#%d %s: %s, %s\n" % (n, f.name(), plural(count, "register"),
                                         plural(params, "parameter")))
        gdb.write("  this = %s\n" % format_value(int(f.value["this_value"])))
        for i in range(count):
            name = names[i] if i < len(names) else ""
            value, captured = cell_contents(read_u64(f.registers + 8 * i))
            notes = ["r%d" % i] if name else []
            notes += ["parameter"] if i < params else []
            notes += ["captured: in a cell"] if captured else []
            gdb.write("  %s = %s%s\n" % (name or "r%d" % i, value,
                                          "  (%s)" % ", ".join(notes) if notes else ""))
        upvals = min(int(p["upval_count"]), MAX_STACK_VALUES)
        cells = f.function + field_offset("Closure", "cells")
        for i in range(upvals):  # the closure's cells: pointers, not Values
            name = names[count + i] if count + i < len(names) else ""
            value, _ = cell_contents(TAG_THING | read_u64(cells + 8 * i))
            gdb.write("  %s = %s  (u%d, captured from an enclosing function)\n" % (
                name or "u%d" % i, value, i))
#< tools.gdb-js-locals


def cell_contents(bits):
    """A register's value as text, and whether it is a Cell (a captured variable): then
    the text is the value inside it."""
    if bits & TAG_MASK == TAG_THING and heap_type(bits & PTR_MASK) == "CELL":
        return format_value(read_u64((bits & PTR_MASK) + field_offset("Cell", "value"))), True
    return format_value(bits), False


def register(objfile):
    gdb.printing.register_pretty_printer(objfile, TinynodePrinters(), replace=True)
    JsCommand()
    for command in (JsBacktrace, JsList, JsDis, JsStack, JsLocals):
        command()


register(gdb.current_objfile())
