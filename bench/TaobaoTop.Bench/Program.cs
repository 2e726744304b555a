using TaobaoTop.Bench;
using TaobaoTop.Bench.EndToEnd;

// "child <scenario> …" is the harness starting itself as a fresh process (the pacer); "scenario
// <name> …" runs one scenario against the run's gateway, by hand; anything else is the harness: [--smoke] [--out PATH].
return args.Length > 0 && args[0] == ChildScenario.Verb ? await ChildScenario.RunAsync(args[1..])
    : args.Length > 0 && args[0] == Harness.OneVerb ? await Harness.RunOneAsync(args[1..])
    : await Harness.RunAsync(args);
