// Buffer's read*/write* integer and float methods, both byte orders, every width, and their errors.
const show = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
const b = Buffer.from([0x01, 0x82, 0xf3, 0x04, 0xff, 0x86, 0x07, 0x88, 0x09]);
for (const m of ['readUInt8', 'readInt8', 'readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE', 'readUInt32LE', 'readUInt32BE', 'readInt32LE', 'readInt32BE', 'readFloatLE', 'readFloatBE', 'readDoubleLE', 'readDoubleBE', 'readUint8', 'readUint16LE', 'readUint32BE'])
  console.log(m, b[m](), b[m](1));
for (let n = 1; n <= 6; n++)
  console.log(n, b.readUIntLE(1, n), b.readUIntBE(1, n), b.readIntLE(1, n), b.readIntBE(1, n), b.readUintLE(0, n), b.readUintBE(2, n));
const w = Buffer.alloc(10);
console.log(w.writeUInt8(255), w.writeInt8(-2, 1), w.writeUInt16LE(0xabcd, 2), w.writeInt16BE(-2, 4), w.writeUInt32BE(0xdeadbeef, 6), w);
console.log(w.writeInt32LE(-123456789, 0), w.writeUInt32LE(4294967295, 4), w.writeFloatBE(1.5, 0), w.writeFloatLE(-0.1, 4), w);
console.log(w.writeDoubleLE(Math.PI, 0), w, w.writeDoubleBE(-Infinity, 1), w, w.writeDoubleLE(NaN), w.readDoubleLE());
for (let n = 1; n <= 6; n++) {
  const v = Buffer.alloc(8);
  console.log(n, v.writeUIntLE(2 ** (8 * n) - 3, 0, n), v.writeUIntBE(5, 1, n), v.writeIntLE(-(2 ** (8 * n - 1)), 2, n), v.writeIntBE(-3, 2, n), v, v.writeUintLE(7, 0, n));
}
console.log(w.writeUInt8(1.9), w.writeInt16LE(-1.5), w.writeUInt16LE('258'), w.writeUInt8(NaN, 3), w.subarray(0, 4));
show('read past', () => b.readUInt32BE(6));
show('read neg', () => b.readUInt8(-1));
show('read float off', () => b.readUInt16LE(1.5));
show('read str off', () => b.readInt8('1'));
show('read empty', () => Buffer.alloc(0).readUInt8());
show('read short', () => Buffer.alloc(2).readUInt32LE());
show('read NaN', () => b.readDoubleBE(NaN));
show('readUIntLE no offset', () => b.readUIntLE());
show('readUIntLE bad len', () => b.readUIntLE(0, 7));
show('readIntBE no len', () => b.readIntBE(0));
show('readIntBE float len', () => b.readIntBE(0, 2.5));
show('readUIntBE past', () => b.readUIntBE(5, 6));
show('write u8 range', () => w.writeUInt8(256));
show('write i8 range', () => w.writeInt8(-129));
show('write u16 range', () => w.writeUInt16BE(-1));
show('write i16 range', () => w.writeInt16LE(40000));
show('write u32 range', () => w.writeUInt32LE(2 ** 32));
show('write i32 range', () => w.writeInt32BE(-(2 ** 31) - 1));
show('write u48 range', () => w.writeUIntLE(2 ** 48, 0, 6));
show('write i40 range', () => w.writeIntBE(2 ** 39, 0, 5));
show('write u24 range', () => w.writeUIntBE(2 ** 24, 0, 3));
show('write past', () => w.writeUInt32LE(1, 7));
show('write offset str', () => w.writeUInt16LE(1, '0'));
show('write offset float', () => w.writeInt32BE(1, 0.5));
show('write bad len', () => w.writeUIntLE(1, 0, 0));
show('write float past', () => w.writeDoubleLE(1, 3));
show('write float range', () => w.writeFloatLE(1e40, 0) && w.readFloatLE());
