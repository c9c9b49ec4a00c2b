// Number.prototype.toString(radix), toFixed, toPrecision, toExponential, toLocaleString.
const show = (...xs) => console.log(xs.join(' '));
show((255).toString(16), (255).toString(2), (-255).toString(36), (0.5).toString(2), (0.1).toString(3), (1e21).toString(7));
show((Math.PI).toString(16), (1 / 3).toString(2), (2 ** 53 + 2).toString(16), (123.456).toString(36), (-0).toString(2));
show((NaN).toString(16), (Infinity).toString(2), (1e-7).toString(5), (255).toString(), (255).toString(undefined), (3.75).toString(8));
for (const r of [1, 37, 0]) {
  try { (1).toString(r) } catch (e) { show(e.name + ': ' + e.message) }
}
try { Number.prototype.toString.call('1') } catch (e) { show(e.name + ': ' + e.message) }

// toFixed rounds the exact binary value.
show((1.005).toFixed(2), (2.5).toFixed(0), (1.45).toFixed(1), (8.345).toFixed(2), (1e21).toFixed(2), (-0).toFixed(2));
show((0.5).toFixed(0), (1.5).toFixed(0), (-1.5).toFixed(0), (-2.5).toFixed(0), (0.000001).toFixed(7), (123.456).toFixed());
show((0.1).toFixed(20), (1.23e-10).toFixed(2), (-1.23e-10).toFixed(2), (999.995).toFixed(2), (99.5).toFixed(0), (0.006).toFixed(2));
show((1234.5678).toFixed(1), (NaN).toFixed(2), (1e20).toFixed(2), (5e-7).toFixed(6), (0).toFixed(3), (12).toFixed(20));
try { (1).toFixed(101) } catch (e) { show(e.name + ': ' + e.message) }

// toPrecision and toExponential.
show((123456).toPrecision(2), (0.00001).toPrecision(1), (1e21).toPrecision(3), (123.456).toPrecision(4), (99.99).toPrecision(3));
show((0).toPrecision(3), (1e-7).toPrecision(2), (123).toPrecision(3), (123).toPrecision(5), (-1.5).toPrecision(1), (5e-7).toPrecision());
show((0.000123).toPrecision(2), (1234.5).toPrecision(6), (9.99).toPrecision(2), (2.5).toPrecision(1), (Infinity).toPrecision(2));
show((123.456).toExponential(), (0).toExponential(), (0).toExponential(2), (1.5).toExponential(0), (2.5).toExponential(0));
show((12345).toExponential(2), (-0.00015).toExponential(1), (1e21).toExponential(), (5e-324).toExponential(), (1.7976931348623157e308).toExponential(3));
try { (1).toPrecision(0) } catch (e) { show(e.name + ': ' + e.message) }
try { (1).toExponential(-1) } catch (e) { show(e.name + ': ' + e.message) }

// toLocaleString: en-US grouping, three fraction digits at most.
show((1234.5).toLocaleString(), (1234567.891).toLocaleString(), (-1234.5678).toLocaleString(), (0.1 + 0.2).toLocaleString());
show((1.0005).toLocaleString(), (999.9995).toLocaleString(), (1e21).toLocaleString(), (-0).toLocaleString(), (1e-7).toLocaleString());
show((NaN).toLocaleString(), (Infinity).toLocaleString(), (12).toLocaleString(), (100).toLocaleString(), (0.0005).toLocaleString());

// Number::toString for printing.
show(0.1 + 0.2, 1e21, 1e-7, 123e-20, 2 ** 64, 5e-324, -1e-7, 100, 1 / 3, String(-0), `${-0}`);
