throw { code: 42, reason: 'an object' };
