using KetamineClinic.Testing;
using Microsoft.Playwright;

namespace KetamineClinic.BrowserTests.Infrastructure;

/// <summary>One running app and one headless Debian Chromium, shared by the browser tests.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string StaffEmail = "admin@clinic.example";
    public const string StaffPassword = "browser journey password";

    private IPlaywright? _playwright;

    public AppProcess App { get; private set; } = null!;

    /// <summary>The shared admin's authenticator, set up once when the fixture starts.</summary>
    public Authenticator StaffAuthenticator { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium package.");
        }

        App = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            // Journeys fill the form faster than a person, and post it more often than one visitor may.
            ["Consultation__MinimumFillSeconds"] = "0",
            ["Consultation__RateLimit__PermitLimit"] = "1000",
            // Every journey signs in from 127.0.0.1, several at once; the limit itself is tested in the integration tests.
            ["Staff__LoginAttemptsPerMinute"] = "1000",
        });

        // The staff command shares the app's database (the app has already migrated it).
        var created = await AppCommand.RunAsync(App.Directory,
            ["staff", "create", "--email", StaffEmail, "--role", "Admin", "--password-stdin"], stdin: StaffPassword);
        if (created.ExitCode != 0)
        {
            throw new InvalidOperationException($"staff create failed with {created.ExitCode}: {created.Stderr}");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Debian's Chromium, root in a container, on a machine with no outside network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });

        // The first sign-in of an account from `staff create` sets up its second factor.
        await using var enrolment = await Browser.NewContextAsync(new() { BaseURL = App.BaseAddress.ToString() });
        var page = await enrolment.NewPageAsync();
        await page.GotoAsync("/staff/login");
        await StaffSignIn.PasswordAsync(page, StaffEmail, StaffPassword);
        StaffAuthenticator = (await StaffSignIn.SetUpAuthenticatorAsync(page)).App;
    }

    /// <summary>The app as <c>http://localhost:PORT</c>: WebAuthn needs a host name, and Chromium treats localhost as a secure context.</summary>
    public Uri LocalhostAddress => new UriBuilder(App.BaseAddress) { Host = "localhost" }.Uri;

    /// <summary>Signs the shared admin in on a page showing the sign-in form: password, then a code.</summary>
    public async Task SignInAsync(IPage page)
    {
        await StaffSignIn.PasswordAsync(page, StaffEmail, StaffPassword);
        await StaffSignIn.CodeAsync(page, await StaffAuthenticator.NextCodeAsync());
    }

    /// <summary>
    /// Runs a journey in a fresh browser context (fresh cookies). Afterwards the journey must have made
    /// no request to another host and logged no console error. On failure, screenshots of the page at
    /// phone and desktop widths are saved under artifacts/browser/.
    /// With <paramref name="errorDocumentExpected"/>, the one console line Chromium writes for a page
    /// that is itself served with an error status (an error page under test) is not counted.
    /// </summary>
    public async Task RunAsync(string name, Func<IPage, Task> journey, bool javaScriptEnabled = true, bool errorDocumentExpected = false)
    {
        await using var context = await Browser.NewContextAsync(new()
        {
            BaseURL = App.BaseAddress.ToString(),
            JavaScriptEnabled = javaScriptEnabled,
            ViewportSize = new() { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var foreign = new List<string>();
        var consoleErrors = new List<string>();
        var origin = App.BaseAddress.GetLeftPart(UriPartial.Authority);
        // The same app by host name, for WebAuthn (passkeys), which refuses an IP address.
        var byHostName = LocalhostAddress.GetLeftPart(UriPartial.Authority);

        // Block anything that is not our own origin, and remember that it was tried.
        await page.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith(origin, StringComparison.Ordinal) || url.StartsWith(byHostName, StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
            }
            else
            {
                lock (foreign)
                {
                    foreign.Add(url);
                }

                await route.AbortAsync();
            }
        });
        var errorDocuments = new HashSet<string>();
        page.Response += (_, response) =>
        {
            if (errorDocumentExpected && response.Status >= 400 && response.Request.IsNavigationRequest && response.Frame == page.MainFrame)
            {
                lock (errorDocuments)
                {
                    errorDocuments.Add(response.Url);
                }
            }
        };
        page.Console += (_, message) =>
        {
            bool IsErrorDocumentReport()
            {
                lock (errorDocuments)
                {
                    return message.Text.StartsWith("Failed to load resource:", StringComparison.Ordinal)
                        && errorDocuments.Any(url => message.Location.StartsWith(url + ":", StringComparison.Ordinal));
                }
            }

            if (message.Type == "error" && !IsErrorDocumentReport())
            {
                lock (consoleErrors)
                {
                    consoleErrors.Add($"{message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (consoleErrors)
            {
                consoleErrors.Add(error);
            }
        };

        try
        {
            // A hung journey fails after two minutes instead of stalling the whole run.
            await journey(page).WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(foreign.Count == 0, "Requests to other hosts: " + string.Join(", ", foreign));
            Assert.True(consoleErrors.Count == 0, "Console errors: " + string.Join(" | ", consoleErrors));
        }
        catch
        {
            await SaveScreenshotsAsync(page, name);
            throw;
        }
    }

    /// <summary>Full-page screenshots at a phone's and a desktop's width, under artifacts/browser/.</summary>
    public static async Task SaveScreenshotsAsync(IPage page, string name)
    {
        Directory.CreateDirectory(RepositoryPaths.Artifacts);
        foreach (var (label, width, height) in new[] { ("phone", 390, 844), ("desktop", 1280, 900) })
        {
            try
            {
                await page.SetViewportSizeAsync(width, height);
                await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.Artifacts, $"{name}-{label}.png"), FullPage = true });
            }
            catch (PlaywrightException)
            {
                // The page may be gone; the original failure matters more.
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }
}
