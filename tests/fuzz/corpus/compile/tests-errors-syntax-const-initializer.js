// const needs an initializer.
const limit;
