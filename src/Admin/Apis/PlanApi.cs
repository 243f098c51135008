using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Apis;

public sealed record PlanImportResponse(int OrganisationId, int CampaignId, int Units, int Periods, int Metrics, int Targets, int Activities, bool DryRun);

public sealed record CsvImportResponse(int UnitsCreated, int UnitsUpdated, int ContactsCreated);

/// <summary>
/// POST /api/plan/import?dryRun=                          (a whole PlanDocument; validated first, written in one transaction)
/// GET  /api/campaigns/{id}/plan                          (the same document, for backup or moving to another server)
/// POST /api/organisations/{id}/units/import-csv          (text/csv, UTF-8; see <see cref="UnitCsv"/> for the columns)
/// </summary>
public static class PlanApi
{
    public static IEndpointRouteBuilder MapPlanApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/plan/import", ImportPlan).WithTags("Plan").RequireAuthorization(AuthPolicies.Admin)
            .WithBodyLimit(BodyLimits.ImportBytes).Accepts<PlanDocument>("application/json");
        app.MapGet("/api/campaigns/{id:int}/plan", ExportPlan).WithTags("Plan").RequireAuthorization(AuthPolicies.Viewer);
        app.MapPost("/api/organisations/{id:int}/units/import-csv", ImportUnitsCsv).WithTags("Plan").RequireAuthorization(AuthPolicies.Admin)
            .WithBodyLimit(BodyLimits.ImportBytes)
            .WithDescription("Body: the CSV file itself (text/csv, UTF-8 with or without BOM). Header row: unit,kind,cluster,members,contact,phone,role.");
        return app;
    }

    public static async Task<Results<Created<PlanImportResponse>, Ok<PlanImportResponse>, ValidationProblem>> ImportPlan(
        YouthMonthDb db, HttpRequest request, bool? dryRun, CancellationToken ct)
    {
        PlanDocument? doc;
        try
        {
            doc = await JsonSerializer.DeserializeAsync<PlanDocument>(request.Body, PlanDocument.JsonOptions, ct);
        }
        catch (JsonException ex)
        {
            return ApiExceptionHandler.JsonProblem(ex);
        }
        if (doc is null) return ApiResults.Invalid("body", "Thiếu nội dung kế hoạch (PlanDocument JSON).");

        var errors = PlanValidator.Validate(doc);
        var orgName = Core.Text.VietnameseText.Clean(doc.Organisation.Name);
        var campaignName = Core.Text.VietnameseText.Clean(doc.Campaign.Name);
        if (!errors.Any && await db.Campaigns.AnyAsync(c => c.Organisation!.Name == orgName && c.Name == campaignName, ct))
            errors.Add("campaign.name", $"Tổ chức \"{orgName}\" đã có đợt \"{campaignName}\"; đổi tên đợt hoặc xóa đợt cũ trước.");
        if (errors.Any) return ApiResults.Invalid(errors);

        var summary = new PlanImportResponse(0, 0, doc.Units.Count, doc.Campaign.Periods.Count, doc.Campaign.Metrics.Count,
            doc.Campaign.Targets.Count, doc.Campaign.Activities.Count, dryRun == true);
        if (dryRun == true) return TypedResults.Ok(summary);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var campaign = await PlanImporter.ImportAsync(db, doc, ct);
        await tx.CommitAsync(ct);
        return TypedResults.Created($"/api/campaigns/{campaign.Id}",
            summary with { OrganisationId = campaign.OrganisationId, CampaignId = campaign.Id });
    }

    public static async Task<Results<JsonHttpResult<PlanDocument>, ProblemHttpResult>> ExportPlan(YouthMonthDb db, int id, CancellationToken ct) =>
        await PlanExporter.ExportAsync(db, id, ct) is { } doc
            ? TypedResults.Json(doc, PlanDocument.JsonOptions)
            : ApiResults.NotFound($"Không có đợt #{id}.");

    public static async Task<Results<Ok<CsvImportResponse>, ValidationProblem, ProblemHttpResult>> ImportUnitsCsv(
        YouthMonthDb db, HttpRequest request, int id, CancellationToken ct)
    {
        var org = await db.Organisations.Include(o => o.Units).ThenInclude(u => u.Contacts).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (org is null) return ApiResults.NotFound($"Không có tổ chức #{id}.");

        string text;
        try
        {
            using var reader = new StreamReader(request.Body, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            text = await reader.ReadToEndAsync(ct);
        }
        catch (DecoderFallbackException)
        {
            return ApiResults.Invalid("file", "Tệp không phải UTF-8; trong Excel chọn \"CSV UTF-8\" khi lưu.");
        }
        var (rows, errors) = UnitCsv.Read(text);
        if (errors.Any) return ApiResults.Invalid(errors);

        int created = 0, updated = 0, contacts = 0;
        var updatedIds = new HashSet<int>();
        foreach (var row in rows)
        {
            var unit = org.Units.FirstOrDefault(u => PlanValidator.UnitKey(u.Name) == PlanValidator.UnitKey(row.Unit));
            if (unit is null)
            {
                unit = new Unit { Name = row.Unit };
                org.Units.Add(unit);
                created++;
            }
            else if (unit.Id != 0 && updatedIds.Add(unit.Id)) updated++;
            if (row.Kind is { } kind) unit.Kind = kind;
            if (row.Cluster is not null) unit.Cluster = row.Cluster;
            if (row.MemberCount is { } members) unit.MemberCount = members;
            if (row.Contact is { } name && !unit.Contacts.Any(c => c.Name == name && c.Phone == row.Phone))
            {
                unit.Contacts.Add(new Contact { Name = name, Phone = row.Phone, Role = row.Role });
                contacts++;
            }
        }
        // One SaveChanges is one transaction: the whole file is written, or nothing.
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CsvImportResponse(created, updated, contacts));
    }
}
