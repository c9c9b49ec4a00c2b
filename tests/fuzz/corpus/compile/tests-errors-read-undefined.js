const user = {};
console.log(user.profile.name);
