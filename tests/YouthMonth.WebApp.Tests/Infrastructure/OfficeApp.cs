using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using YouthMonth.Admin.Auth;
using YouthMonth.Core.Access;
using YouthMonth.Core.Persistence;
using YouthMonth.Testing;

namespace YouthMonth.WebApp.Tests.Infrastructure;

/// <summary>
/// The real Admin host on a loopback port (a browser cannot reach the in-memory test server), its own fresh
/// database with the small test plan, a controllable clock, and one Chromium shared by every test: each test
/// opens its own browser context (cookies apart) and signs in.
/// </summary>
public sealed class OfficeApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminUser = "thu.ha";
    public const string ViewerUser = "xem";
    public const string Password = "mat-khau-thu";
    public const string ChromiumPath = "/usr/lib/chromium/chromium";

    public TestDatabase Database { get; private set; } = null!;
    public TestPlan Plan { get; private set; } = null!;
    // 05/3/2024 09:00 in Cần Thơ: inside week 1 of the test plan.
    public FakeTimeProvider Clock { get; } = new(TestPlan.Local(2024, 3, 5, 9, 0));
    public string BaseUrl { get; } = $"http://127.0.0.1:{FreePort()}";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    /// <summary>The shared photo folder (the Bot's Photos:Root) the Admin host serves thumbnails from.</summary>
    public string PhotoRoot { get; } = Directory.CreateTempSubdirectory("ym-webapp-photos-").FullName;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Plan = await TestPlan.SeedAsync(Database);
        UseKestrel(o => o.Listen(IPAddress.Loopback, new Uri(BaseUrl).Port));
        StartServer();
        await using (var scope = Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<OfficeAccounts>();
            await accounts.CreateAsync(AdminUser, "Nguyễn Thu Hà", ApiRole.Admin, Password);
            await accounts.CreateAsync(ViewerUser, "Người xem", ApiRole.Viewer, Password);
        }
        // The machine is shared and loaded: give page assertions as long as page actions (30 s) rather than 5 s.
        Assertions.SetDefaultExpectTimeout(30_000);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // A line per request at Information buried the test results in megabytes of CI output.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("ConnectionStrings:YouthMonth", Database.ConnectionString);
        builder.UseSetting("Telegram:BotUsername", "ThangThanhNienTestBot");
        builder.UseSetting("Photos:Root", PhotoRoot);
        builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public YouthMonthDb Db() => Database.CreateDbContext();

    /// <summary>A fresh browser context (own cookies) with a page; sign in with <see cref="SignInAsync"/>.</summary>
    public async Task<IPage> PageAsync()
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseUrl, Locale = "vi-VN", ViewportSize = new() { Width = 1200, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInAsync(string user = AdminUser)
    {
        var page = await PageAsync();
        await SignInAsync(page, user, Password);
        await Assertions.Expect(page.Locator("header.top")).ToBeVisibleAsync();
        return page;
    }

    public static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GotoAsync("/dang-nhap");
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
    }

    /// <summary>An API client with a fresh key, to check what the pages changed the way machines see it.</summary>
    public async Task<HttpClient> ApiAsync(ApiRole role = ApiRole.Viewer)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        await using var scope = Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync($"test-{role}", role);
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, created.Secret);
        return client;
    }

    /// <summary>Saves a screenshot for the office guide when YM_SCREENSHOTS names a folder (docs/images).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("YM_SCREENSHOTS") is not { Length: > 0 } dir) return;
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }

    public new async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await base.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(PhotoRoot, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class WebAppCollection : ICollectionFixture<OfficeApp>
{
    public const string Name = "web app";
}
