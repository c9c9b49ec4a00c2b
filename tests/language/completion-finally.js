// A break or continue out of a finally block makes the try statement complete with the block's value so far.
const cases = [
  '99; do { -99; try { 39 } catch (e) { -1 } finally { 42; break; -2 }; } while (false);',
  '99; do { -99; try { 39 } catch (e) { -1 } finally { break; -2 }; } while (false);',
  '99; do { -99; try { [].x.x } catch (e) { -1; } finally { 42; continue; -3 }; -77 } while (false);',
  '1; try { 2 } finally { 3 }',
  'l: { 1; try { 2 } finally { 3; break l; } }',
  'l: { 1; try { 2 } finally { break l; } }',
  'do { try { 1 } finally { try { 2 } finally { 3; break; } } } while (0)',
  'do { try { 1 } finally { 5; try { 2 } finally { break; } } } while (0)',
  'do { try { 1 } finally { for (;;) { 7; break; } } } while (0)',
  'do { try { 1 } finally { 4; for (;;) { break; } break; } } while (0)',
  'for (var i = 0; i < 2; i++) { try { i } finally { "f" + i; continue; } }',
  'switch (1) { case 1: try { 8 } finally { 9; break; } }',
];
for (const c of cases) console.log(JSON.stringify(eval(c)));
