// Colours: chalk (with its dependencies, ansi-styles and supports-color) forced to
// 16 and then 256 colours, shown as escaped text.
process.env.FORCE_COLOR = '1';
const chalk = require('chalk');
const show = (s) => console.log(JSON.stringify(s));
show(chalk.red('red') + ' ' + chalk.bold.underline.green('bold green'));
show(chalk.bgBlue.white(`nested ${chalk.yellow('yellow')} back`));
show(chalk.hex('#ff8800')('hex') + chalk.rgb(10, 20, 30).inverse('rgb'));
console.log(chalk.level, chalk.supportsColor && chalk.supportsColor.level);
const c256 = new chalk.Instance({ level: 2 });
show(c256.hex('#ff8800')('orange') + c256.bgKeyword('purple')('purple'));
const none = new chalk.Instance({ level: 0 });
show(none.red('plain'));
