using System.Diagnostics;

namespace Ivig.Bench;

/// <summary>
/// Times the README's run command as a person runs it (scripts/run.sh: setup check, incremental build,
/// AppHost with dashboard) from launch to the AppHost's "IVIG suite ready" line, which it logs once
/// every resource is healthy; then stops it with Ctrl+C (SIGINT to its process group), as scripts/check-run.sh does.
/// </summary>
internal static class ColdStart
{
    public static async Task<double> MeasureReadmeCommandAsync(CancellationToken cancellationToken)
    {
        var instance = "bench-cold-" + Guid.NewGuid().ToString("N")[..8];
        var port = 21000 + Environment.ProcessId % 4000 * 2;
        var start = new ProcessStartInfo("perl")
        {
            WorkingDirectory = Suite.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Its own process group with SIGINT at its default, so the SIGINT below is exactly Ctrl+C.
        foreach (var arg in new[] { "-e", "$SIG{INT} = \"DEFAULT\"; setpgrp(0, 0); exec @ARGV or die \"exec: $!\"", "bash", "scripts/run.sh",
            $"Infrastructure:InstanceName={instance}", "Gateway:HttpPort=0", "Gateway:GrpcPort=0" })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["SKIP_RESTORE"] = "1";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{port + 1}";
        start.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{port + 8001}";
        Console.WriteLine("cold start: the README run command (scripts/run.sh)");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("scripts/run.sh did not start.");
        var ready = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is not null && line.Contains("IVIG suite ready", StringComparison.Ordinal))
            {
                ready.TrySetResult(clock.Elapsed.TotalSeconds);
            }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        double seconds;
        try
        {
            seconds = await ready.Task.WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
            Console.WriteLine($"  ready in {seconds:F1} s");
        }
        catch (TimeoutException)
        {
            seconds = double.NaN;
            Console.WriteLine("  not ready within 120 s");
        }
        finally
        {
            // Ctrl+C to the group it leads (its pid is the group id), then wait for a clean stop.
            Signal(process.Id, "INT");
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                Signal(process.Id, "KILL");
            }
            var work = Path.Combine(Suite.RepositoryRoot, ".work", instance);
            await Task.Delay(2000, CancellationToken.None);
            try
            {
                if (Directory.Exists(work))
                {
                    Directory.Delete(work, recursive: true);
                }
            }
            catch (IOException)
            {
            }
        }
        return seconds;
    }

    /// <summary>Sends a signal to the process group that the started process leads (and only to it).</summary>
    private static void Signal(int groupLeader, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-" + signal, "--", "-" + groupLeader } });
        kill?.WaitForExit();
    }
}
