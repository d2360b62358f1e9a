using Ivig.Bench;

// The suite's speed as ratios to baselines measured in the same run (docs/performance.md). Loopback
// only, bounded in time (the whole run stops after 10 minutes; a soak after its minutes plus 5).
//   dotnet run -c Release --project bench/LoadGenerator                        full run, about 5 minutes
//   dotnet run -c Release --project bench/LoadGenerator -- --smoke             under a minute, in the test command
//   dotnet run -c Release --project bench/LoadGenerator -- --soak --minutes 30 soak at half the clinical mix's peak
if (args.Length == 2 && args[0] == "--bare-proxy")
{
    return await BareProxy.RunAsync(new Uri(args[1]));
}

var options = Options.Parse(args);
var loadAverage = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : null;
using var budget = new CancellationTokenSource(options.Mode == Mode.Soak ? TimeSpan.FromMinutes(options.SoakMinutes + 5) : TimeSpan.FromMinutes(10));

var suite = await Suite.StartAsync(
    // The benchmark is one client sending far above a clinical client's rate.
    ["Gateway:Protection:RequestsPerSecondPerClient=1000000", "Gateway:Protection:BurstPerClient=1000000"], options.Environment, budget.Token);
var failed = false;
try
{
    using var run = new BenchRun(suite, options, budget.Token);
    Console.WriteLine($"suite healthy in {suite.ColdStartSeconds:F1} s; {options.Mode} run, phases of {run.Phase.TotalSeconds:F1} s");
    if (options.Mode == Mode.Soak)
    {
        failed = !await Soak.RunAsync(run);
    }
    else
    {
        Console.WriteLine($"processes: {string.Join(", ", run.Processes.Roots.Select(p => $"{p.Key} {run.Processes.AppPid(p.Key)}"))}");
        if (options.Runs("unary"))
        {
            await run.UnaryAsync();
        }
        if (options.Runs("decisions"))
        {
            await run.DecisionsAsync();
        }
        if (options.Runs("vitals"))
        {
            await run.VitalsAsync();
        }
        if (options.Runs("infusions") || options.Runs("reactions"))
        {
            var infusions = await run.ActiveInfusionsAsync();
            if (options.Runs("reactions"))
            {
                var reactions = (int)(run.ReactionRate * run.Phase.TotalSeconds);
                await run.ReactionsAsync(infusions);
                await run.WatchInfusionAsync(infusions.Skip(reactions).Take(run.ReactionWatchCount).ToList());
                if (!options.Smoke)
                {
                    await run.HalfRateReactionsAsync(infusions);
                }
            }
        }
        var memory = run.Processes.Sample().ToDictionary(p => p.Key, p => Math.Round(p.Value.RssMiB), StringComparer.Ordinal);
        await suite.DisposeAsync();
        suite = null;
        if (options.Mode == Mode.Full && options.ColdStart && options.Phases is null)
        {
            run.Figures["coldStartReadmeSeconds"] = await ColdStart.MeasureReadmeCommandAsync(budget.Token);
        }
        await Report.WriteAsync(run, memory, loadAverage);
        // Failed calls fail the run; reactions whose alert or rate change was not seen in time are a
        // figure (a capacity finding, reported), not a broken bench.
        failed = run.Results.Any(r => r.Errors > 0 && !r.Name.StartsWith("reaction ->", StringComparison.Ordinal));
    }
}
finally
{
    if (suite is not null)
    {
        await suite.DisposeAsync();
    }
}
return failed ? 1 : 0;
