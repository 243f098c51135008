using System.Net.Http.Json;
using System.Text.Json;
using YouthMonth.Admin.Web;
using YouthMonth.Core.Access;
using YouthMonth.WebApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace YouthMonth.WebApp.Tests;

/// <summary>
/// The plan's forms for activities, metrics, targets and leader chats. Every test adds its own row and deletes it
/// again, so the shared plan the other tests read is left as it was.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class PlanFormTests(OfficeApp app)
{
    [Fact]
    public async Task An_activity_is_added_with_its_metrics_and_units_a_blank_title_is_refused_and_it_can_be_deleted()
    {
        var page = await app.SignedInAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync($"/ke-hoach?campaignId={app.Plan.CampaignId}");
        await page.ClickAsync("#add-activity");

        await page.FillAsync("#timeText", "26/3");
        await page.ClickAsync("#activity-form button[type=submit]");
        await Expect(page.Locator(".field-error[data-field=title]")).ToContainTextAsync("Không được để trống");
        await Expect(page.Locator("#timeText")).ToHaveValueAsync("26/3");

        await page.FillAsync("#title", "Ra quân trồng cây xanh");
        await page.FillAsync("#place", "Công viên Lưu Hữu Phước");
        await page.SelectOptionAsync("#category", "an_sinh");
        await page.CheckAsync("#metrics input[value=trees]");
        await page.CheckAsync($"#units input[value='{app.Plan.Units[1]}']");
        await page.ClickAsync("#activity-form button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã lưu hoạt động \"Ra quân trồng cây xanh\" (ngày 26/03)");
        var row = page.Locator("#activities tr", new() { HasText = "Ra quân trồng cây xanh" });
        await Expect(row).ToContainTextAsync(app.Plan.UnitNames[1]);
        var id = await row.GetAttributeAsync("data-activity");

        using var api = await app.ApiAsync();
        var saved = await api.GetFromJsonAsync<JsonElement>($"/api/activities/{id}");
        Assert.Equal("2024-03-26", saved.GetProperty("dates")[0].GetString());
        Assert.Equal("trees", saved.GetProperty("metrics")[0].GetString());

        await row.Locator("a").ClickAsync();
        await Expect(page.Locator("#dates")).ToContainTextAsync("26/03/2024");
        await OfficeApp.ScreenshotAsync(page, "hoat-dong");
        await page.ClickAsync("#delete-form button");
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã xóa hoạt động");
        await Expect(page.Locator("#activities")).Not.ToContainTextAsync("Ra quân trồng cây xanh");

        // The blood drive was given its dates through the API (the whole of March, no time text): saving its form
        // unchanged keeps them rather than re-reading an empty text.
        await page.GotoAsync($"/ke-hoach/hoat-dong/{app.Plan.BloodDriveId}");
        await page.ClickAsync("#activity-form button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã lưu hoạt động \"Ngày hội hiến máu tình nguyện\" (ngày 01/03, 31/03)");
        var blood = await api.GetFromJsonAsync<JsonElement>($"/api/activities/{app.Plan.BloodDriveId}");
        Assert.Equal("Month", blood.GetProperty("timeKind").GetString());
        Assert.Equal(3, blood.GetProperty("metrics").GetArrayLength());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_metric_is_added_with_its_words_a_bad_code_is_refused_and_one_a_target_uses_is_not_deleted()
    {
        var page = await app.SignedInAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync($"/ke-hoach/chi-so/moi?campaignId={app.Plan.CampaignId}");
        await page.FillAsync("#code", "Sách tặng");
        await page.FillAsync("#label", "Sách tặng thư viện");
        await page.FillAsync("#unit", "cuốn");
        await page.FillAsync("#aliases", "sách, tặng sách");
        await page.ClickAsync("#metric-form button[type=submit]");
        await Expect(page.Locator(".field-error[data-field=code]")).ToContainTextAsync("chữ thường không dấu");
        await Expect(page.Locator("#label")).ToHaveValueAsync("Sách tặng thư viện");

        await page.FillAsync("#code", "books");
        await page.CheckAsync("#categories input[value=an_sinh]");
        await page.ClickAsync("#metric-form button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã lưu chỉ số \"Sách tặng thư viện\" (books)");
        var row = page.Locator("#metrics tr", new() { HasText = "books" });
        await Expect(row).ToContainTextAsync("sách, tặng sách");
        var id = await row.GetAttributeAsync("data-metric");

        // A target counting the new metric keeps it from being deleted.
        using var api = await app.ApiAsync(ApiRole.Admin);
        var target = await (await api.PostAsJsonAsync("/api/targets", new
        {
            campaignId = app.Plan.CampaignId, number = 90, text = "Tặng 1.000 cuốn sách", rule = "MetricTotal", metricCode = "books", goal = 1000,
        })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        await row.Locator("a").ClickAsync();
        await Expect(page.Locator("#code")).ToHaveValueAsync("books");
        await page.ClickAsync("#delete-form button");
        await Expect(page.Locator("#problem")).ToContainTextAsync("Chỉ tiêu đang dùng chỉ số \"books\"");

        (await api.DeleteAsync($"/api/targets/{target.GetProperty("id").GetInt32()}")).EnsureSuccessStatusCode();
        await page.ClickAsync("#delete-form button");
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã xóa chỉ số \"Sách tặng thư viện\"");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await api.GetAsync($"/api/metrics/{id}")).StatusCode);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_target_needs_its_metric_for_a_total_and_takes_a_goal_typed_the_vietnamese_way()
    {
        var page = await app.SignedInAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync($"/ke-hoach?campaignId={app.Plan.CampaignId}");
        await page.ClickAsync("#add-target");
        await page.FillAsync("#number", "91");
        await page.FillAsync("#text", "Trồng mới 1.500 cây xanh");
        await page.SelectOptionAsync("#rule", "MetricTotal");
        await page.FillAsync("#goal", "1.500");
        await page.ClickAsync("#target-form button[type=submit]");
        await Expect(page.Locator(".field-error[data-field=metricCode]")).ToContainTextAsync("cần mã chỉ số");

        await page.SelectOptionAsync("#metricCode", "trees");
        await page.ClickAsync("#target-form button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã lưu chỉ tiêu 91");
        var row = page.Locator("#targets tr", new() { HasText = "Trồng mới 1.500 cây xanh" });
        await Expect(row.Locator(".rule")).ToContainTextAsync("(trees), mục tiêu 1.500");
        var id = await row.GetAttributeAsync("data-target");
        using var api = await app.ApiAsync();
        Assert.Equal(1500m, (await api.GetFromJsonAsync<JsonElement>($"/api/targets/{id}")).GetProperty("goal").GetDecimal());

        await row.Locator("a").ClickAsync();
        await Expect(page.Locator("#goal")).ToHaveValueAsync("1.500");
        await page.ClickAsync("#delete-form button");
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã xóa chỉ tiêu 91");
        await Expect(page.Locator("#targets")).Not.ToContainTextAsync("Trồng mới 1.500 cây xanh");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_leader_chat_is_added_and_stopped_a_blank_name_is_refused_and_a_concurrent_edit_says_to_reload()
    {
        var page = await app.SignedInAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GotoAsync($"/ke-hoach?campaignId={app.Plan.CampaignId}");
        await page.ClickAsync("#add-leader-chat");
        await page.ClickAsync("#leader-chat-form button[type=submit]");
        await Expect(page.Locator(".field-error[data-field=name]")).ToContainTextAsync("Không được để trống");

        await page.FillAsync("#name", "Thường trực Đoàn Khối");
        await page.ClickAsync("#leader-chat-form button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã thêm nhóm lãnh đạo \"Thường trực Đoàn Khối\"");
        var item = page.Locator("#leader-chats [data-leader-chat]", new() { HasText = "Thường trực Đoàn Khối" });
        var id = await item.GetAttributeAsync("data-leader-chat");

        await item.Locator("a").ClickAsync();
        await page.UncheckAsync("#leader-chat-form input[name=active]");
        await page.ClickAsync("#leader-chat-form button[type=submit]");
        await Expect(page.Locator($"#leader-chats [data-leader-chat='{id}']")).ToContainTextAsync("(ngừng)");
        using var api = await app.ApiAsync(ApiRole.Admin);
        Assert.False((await api.GetFromJsonAsync<JsonElement>($"/api/leader-chats/{id}")).GetProperty("active").GetBoolean());

        // Someone renames it through the API while the form is open.
        await page.ClickAsync($"#leader-chats [data-leader-chat='{id}'] a");
        (await api.PutAsJsonAsync($"/api/leader-chats/{id}", new { name = "Thường trực (sửa qua API)", active = false,
            version = (await api.GetFromJsonAsync<JsonElement>($"/api/leader-chats/{id}")).GetProperty("version").GetUInt32() })).EnsureSuccessStatusCode();
        await page.FillAsync("#name", "Thường trực (sửa trên web)");
        await page.ClickAsync("#leader-chat-form button[type=submit]");
        await Expect(page.Locator("#problem")).ToContainTextAsync(OfficePage.ConflictText);
        await page.ClickAsync("#problem a");
        await Expect(page.Locator("#name")).ToHaveValueAsync("Thường trực (sửa qua API)");

        await page.ClickAsync("#delete-form button");
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã xóa nhóm lãnh đạo");
        await Expect(page.Locator("#leader-chats")).Not.ToContainTextAsync("Thường trực");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_viewer_sees_the_plan_without_its_forms_and_a_forged_delete_changes_nothing()
    {
        var page = await app.SignedInAsync(OfficeApp.ViewerUser);
        await page.GotoAsync($"/ke-hoach?campaignId={app.Plan.CampaignId}");
        await Expect(page.Locator("#leader-chats")).ToContainTextAsync("BTV Đoàn Khối");
        await Expect(page.Locator("#add-activity, #add-metric, #add-target, #add-leader-chat, #activities a")).ToHaveCountAsync(0);

        // The sign-out form's antiforgery token is valid for any form of this session; post "delete" with it.
        await page.EvaluateAsync(@"path => {
            const token = document.querySelector('form.signout input[name=__ym_af]').value;
            const f = document.createElement('form');
            f.method = 'post'; f.action = path;
            const i = document.createElement('input'); i.type = 'hidden'; i.name = '__ym_af'; i.value = token; f.appendChild(i);
            document.body.appendChild(f); f.submit(); }", $"/ke-hoach/nhom-lanh-dao/{app.Plan.LeaderChatId}/Delete?campaignId={app.Plan.CampaignId}");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/khong-du-quyen"));
        using var api = await app.ApiAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync($"/api/leader-chats/{app.Plan.LeaderChatId}")).StatusCode);
        await page.Context.CloseAsync();
    }
}
