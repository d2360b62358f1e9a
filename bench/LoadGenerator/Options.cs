using System.Globalization;

namespace Ivig.Bench;

internal enum Mode
{
    Full,
    Smoke,
    Soak,
}

/// <summary>
/// Command line:
///   (none)                 the full run (about 5 minutes): results/latest.{json,md}
///   --smoke                under a minute, in the test command: results/smoke.{json,md}
///   --soak [--minutes N]   N minutes (default 30, at least 2) at half the measured peak of the clinical mix: results/soak.{json,md}
///   --out FILE             where the JSON goes (the Markdown goes beside it)
///   --no-cold-start        full run: skip timing the README's run command at the end
///   --phases a,b           only these phases (unary, decisions, vitals, infusions, reactions), for profiling one
///   --phase-seconds N      measured phases this long instead of 10 s (smoke: 1.5 s)
///   --env R:NAME=VALUE     an environment variable for resource R (or * for every project), for experiments
/// </summary>
internal sealed record Options(Mode Mode, string Output, int SoakMinutes, bool ColdStart, string[]? Phases, double? PhaseSeconds, string[] Environment)
{
    public bool Runs(string phase) => Phases is null || Phases.Contains(phase);

    public bool Smoke => Mode == Mode.Smoke;

    public string Command => Mode switch
    {
        Mode.Smoke => "dotnet run -c Release --project bench/LoadGenerator -- --smoke",
        Mode.Soak => $"dotnet run -c Release --project bench/LoadGenerator -- --soak --minutes {SoakMinutes}",
        _ => "dotnet run -c Release --project bench/LoadGenerator",
    };

    public static Options Parse(string[] args)
    {
        var mode = args.Contains("--soak") ? Mode.Soak : args.Contains("--smoke") ? Mode.Smoke : Mode.Full;
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var minutes = Value("--minutes") is { } m ? int.Parse(m, CultureInfo.InvariantCulture) : 30;
        if (minutes < 2)
        {
            throw new ArgumentException("--minutes must be at least 2.");
        }
        var file = mode switch { Mode.Smoke => "smoke.json", Mode.Soak => "soak.json", _ => "latest.json" };
        var output = Value("--out") ?? Path.Combine(Suite.RepositoryRoot, "bench", "results", file);
        return new Options(mode, Path.GetFullPath(output), minutes, !args.Contains("--no-cold-start"),
            Value("--phases")?.Split(','), Value("--phase-seconds") is { } p ? double.Parse(p, CultureInfo.InvariantCulture) : null,
            args.Select((a, i) => (a, i)).Where(x => x.a == "--env" && x.i + 1 < args.Length).Select(x => args[x.i + 1]).ToArray());
    }
}
