using TaobaoTop.Bench;
using TaobaoTop.Bench.EndToEnd;

// "child <scenario> …" is the harness starting itself as a fresh process (memory and import time need one);
// anything else is the harness: [--smoke] [--out PATH].
return args.Length > 0 && args[0] == ChildScenario.Verb
    ? await ChildScenario.RunAsync(args[1..])
    : await Harness.RunAsync(args);
