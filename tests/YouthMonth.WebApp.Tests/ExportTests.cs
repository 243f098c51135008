using YouthMonth.WebApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace YouthMonth.WebApp.Tests;

[Collection(WebAppCollection.Name)]
public sealed class ExportTests(OfficeApp app)
{
    [Fact]
    public async Task The_compiled_docx_of_a_period_downloads_with_the_office_sign_in()
    {
        var page = await app.SignedInAsync(OfficeApp.ViewerUser);
        await page.ClickAsync("nav >> text=Xuất báo cáo");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Xuất báo cáo");
        await OfficeApp.ScreenshotAsync(page, "xuat-bao-cao");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.Locator($"tr[data-period='{app.Plan.Week1Id}'] a", new() { HasText = ".docx" }).ClickAsync());
        Assert.EndsWith($"ky-{app.Plan.Week1Id}.docx", download.SuggestedFilename);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 1000 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K', "a .docx (zip) file");
        await page.Context.CloseAsync();
    }
}
