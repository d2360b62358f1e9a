using Ivig.EndToEnd;
using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Grpc.Core;
using Ivig.Monitoring.V1;
using Ivig.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Ivig.Board.BrowserTests;

/// <summary>
/// The operations board in a real browser against the running suite: a reaction reported through
/// the API appears on the board within 2 s, and acknowledging it on the board changes the alert in
/// the API (acknowledged by the board user's subject). One test: starting the suite costs ~30 s.
/// </summary>
public sealed class BoardTests(SuiteFixture suite, ITestOutputHelper output) : IClassFixture<SuiteFixture>
{
    /// <summary>Debian's chromium (scripts/setup.sh installs it); Playwright never downloads a browser here.</summary>
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("IVIG_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private static readonly TimeSpan AlertDeadline = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_reaction_reported_through_the_API_appears_on_the_board_and_is_acknowledged_from_it()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (apt-get install chromium; scripts/setup.sh).");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");

        var scenario = new ClinicalScenario(suite);
        var opsSubject = "board-ops-" + Guid.NewGuid().ToString("N")[..6];
        var opsToken = DevTokens.Mint(opsSubject, "ops");
        var screenshots = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(screenshots);
        File.Delete(Path.Combine(screenshots, "board-failure.png")); // a previous run's, if any

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                output.WriteLine($"browser console {message.Type}: {message.Text}");
            }
        };

        try
        {
            // Sign in with a pasted ops token; the alert stream must be live before the reaction.
            var boardUrl = new Uri(suite.GatewayHttp, "/board/").ToString();
            var response = await page.GotoAsync(boardUrl);
            Assert.Equal(200, response?.Status);
            await page.Locator("#token-input").FillAsync(opsToken);
            await page.Locator("#sign-in-button").ClickAsync();
            await Assertions.Expect(page.Locator("#who")).ToContainTextAsync(opsSubject);
            // The token works (the infusion list loaded) and the alert stream is open: "live", or
            // "listening" while the service has nothing to send yet (it sends headers with its first message).
            await Assertions.Expect(page.Locator("#infusions-refreshed")).ToContainTextAsync("refreshed", new() { Timeout = 10_000 });
            await Assertions.Expect(page.Locator("#stream-status")).ToHaveClassAsync(new Regex("pill-live"), new() { Timeout = 10_000 });

            var infusion = await scenario.StartRunningInfusionAsync();

            // An API-side observer of this infusion's alerts (as another ops user), opened before the
            // reaction: it sees the ACTIVE alert (live, or in the backlog of active alerts) and then the
            // acknowledged version.
            using var watchTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            using var watch = scenario.Monitoring.WatchAlerts(new WatchAlertsRequest { InfusionId = infusion.InfusionId },
                DevTokens.For("board-test-observer", "ops"), cancellationToken: watchTimeout.Token);
            var observed = Channel.CreateUnbounded<Alert>();
            var pump = PumpAsync(watch, observed.Writer, watchTimeout.Token);

            // The reaction, reported by a nurse through the API (native gRPC at the gateway).
            var reaction = await scenario.Monitoring.ReportReactionAsync(new ReportReactionRequest
            {
                InfusionId = infusion.InfusionId,
                Kind = ReactionKind.Grade1,
                Symptoms = { "chills", "flushing" },
            }, ClinicalScenario.Nurse);
            var sinceReaction = Stopwatch.StartNew();
            Assert.True(reaction.Reaction.Active);

            // On the board within 2 s, pushed by the stream (no reload).
            var row = page.Locator("tr.alert[data-state='ACTIVE']").Filter(new() { Has = page.Locator($"td[title='{infusion.InfusionId}']") });
            await row.WaitForAsync(new() { Timeout = (float)AlertDeadline.TotalMilliseconds });
            var elapsed = sinceReaction.Elapsed;
            output.WriteLine($"Alert on the board {elapsed.TotalMilliseconds:F0} ms after the ReportReaction response.");
            Assert.True(elapsed <= AlertDeadline, $"The alert took {elapsed.TotalMilliseconds:F0} ms to appear on the board.");
            await Assertions.Expect(row).ToContainTextAsync("RXN-G1");
            await Assertions.Expect(row).ToContainTextAsync("WARNING");
            await Assertions.Expect(row).ToContainTextAsync(infusion.PatientReference);
            var boardAlertId = await row.GetAttributeAsync("data-alert-id");

            // The API shows the same alert, still active, before anyone acknowledges it.
            var active = await NextAsync(observed.Reader, a => a.AlertId == boardAlertId, "the active alert on WatchAlerts");
            Assert.Equal(AlertState.Active, active.State);
            Assert.Equal("RXN-G1", active.RuleId);

            // The infusion row and the metrics reflect the reaction.
            var infusionRow = page.Locator($"tr.infusion[data-infusion-id='{infusion.InfusionId}']");
            await Assertions.Expect(infusionRow).ToContainTextAsync("GRADE1", new() { Timeout = 10_000 });
            await Assertions.Expect(infusionRow).ToContainTextAsync("privigen");
            await Assertions.Expect(infusionRow).ToContainTextAsync("RUNNING");
            await Assertions.Expect(page.Locator("#m-reactions")).ToContainTextAsync("GRADE1");
            await Assertions.Expect(page.Locator("#m-overrides")).ToHaveTextAsync("—");

            await page.ScreenshotAsync(new() { Path = Path.Combine(screenshots, "board-alert.png"), FullPage = true });

            // Acknowledge on the board; the API reports it acknowledged by the board user.
            await row.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
            var acknowledged = await NextAsync(observed.Reader, a => a.AlertId == boardAlertId && a.State != AlertState.Active, "the acknowledged alert on WatchAlerts");
            Assert.Equal(AlertState.Acknowledged, acknowledged.State);
            Assert.Equal(opsSubject, acknowledged.AcknowledgedBy.Subject);
            Assert.NotNull(acknowledged.AcknowledgedAt);

            var acknowledgedRow = page.Locator($"tr.alert[data-alert-id='{boardAlertId}']");
            await Assertions.Expect(acknowledgedRow).ToHaveAttributeAsync("data-state", "ACKNOWLEDGED");
            await Assertions.Expect(acknowledgedRow).ToContainTextAsync($"by {opsSubject}");
            Assert.Empty(pageErrors);

            var screenshot = Path.Combine(screenshots, "board.png");
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
            output.WriteLine($"Screenshot: {screenshot}");
            Console.WriteLine($"Board screenshot: {screenshot}");

            await watchTimeout.CancelAsync();
            await pump;
        }
        catch
        {
            var failure = Path.Combine(screenshots, "board-failure.png");
            await page.ScreenshotAsync(new() { Path = failure, FullPage = true });
            output.WriteLine($"Failure screenshot: {failure}");
            foreach (var error in pageErrors)
            {
                output.WriteLine($"page error: {error}");
            }
            throw;
        }
    }

    private static async Task PumpAsync(AsyncServerStreamingCall<WatchAlertsResponse> call, ChannelWriter<Alert> writer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                await writer.WriteAsync(message.Alert, cancellationToken);
            }
            writer.TryComplete();
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
        {
            writer.TryComplete();
        }
        catch (OperationCanceledException)
        {
            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
        }
    }

    private static async Task<Alert> NextAsync(ChannelReader<Alert> reader, Func<Alert, bool> match, string what)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await foreach (var alert in reader.ReadAllAsync(timeout.Token))
            {
                if (match(alert))
                {
                    return alert;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        Assert.Fail($"Timed out waiting for {what}.");
        return null!;
    }
}
