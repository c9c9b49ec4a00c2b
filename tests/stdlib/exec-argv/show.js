console.log(JSON.stringify(process.execArgv), JSON.stringify(process.argv.slice(2)));
