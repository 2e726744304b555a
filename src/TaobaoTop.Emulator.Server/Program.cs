using TaobaoTop.Emulator;
using TaobaoTop.Emulator.Server;

ServerOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(ServerOptions.Usage);
        return 0;
    }
    options = ServerOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(ServerOptions.Usage);
    return 2;
}

TopEmulator emulator;
try
{
    emulator = new TopEmulator(options.Emulator);
}
catch (InvalidDataException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
using var _ = emulator;
var app = EmulatorServer.Build(options, emulator);
Console.WriteLine(EmulatorServer.Banner(options));
app.Run();
return 0;
