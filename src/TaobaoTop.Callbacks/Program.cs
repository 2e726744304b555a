using TaobaoTop.Callbacks;

CallbackOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(CallbackOptions.Usage);
        return 0;
    }
    options = CallbackOptions.Parse(args, Environment.GetEnvironmentVariable);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(CallbackOptions.Usage);
    return 2;
}

using var store = new EventStore(options.DatabasePath);
var app = CallbackServer.Build(options, store);
Console.WriteLine("TaobaoTop WeCom callback receiver: " + options);
app.Run();
return 0;
