// Reads the given branches of a TTree in every file with JSROOT (node), and prints events/s.
// Usage (from a folder where jsroot is installed): node jsroot-read.mjs TREE BRANCH,BRANCH,... FILE...
import { openFile, treeProcess, TSelector } from 'jsroot';
const [,, treeName, branchList, ...files] = process.argv;
const branches = branchList.split(',');
let events = 0;
const t0 = process.hrtime.bigint();
for (const file of files) {
  const f = await openFile(file);
  const tree = await f.readObject(treeName);
  const sel = new TSelector();
  for (const b of branches) sel.addBranch(b);
  sel.Process = function () { events++; };
  await treeProcess(tree, sel);
}
const s = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`JSROOT 7.11.2 (node, 1 thread):     ${s.toFixed(2)} s  ${Math.round(events / s).toLocaleString('en-US')} events/s  (${events} events)`);
