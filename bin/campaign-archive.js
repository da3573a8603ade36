#!/usr/bin/env node
// The package runs its TypeScript source as shipped: tsx compiles each module on load, so the
// installed command, the tests and this repository's own builds run the same files.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
