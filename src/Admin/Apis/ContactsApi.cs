using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Text;

namespace YouthMonth.Admin.Apis;

public sealed record ContactRequest(int? UnitId, string? Name, string? Phone, string? Role, bool? Active, uint? Version);

public sealed record ContactResponse(int Id, int UnitId, string Name, string? Phone, string? Role, bool Active, uint Version) : IVersioned
{
    public static ContactResponse From(Contact c) => new(c.Id, c.UnitId, c.Name, c.Phone, c.Role, c.Active, c.Version);
}

/// <summary>
/// GET    /api/contacts?unitId=&amp;organisationId=&amp;active=&amp;name=&amp;page=&amp;pageSize=
/// GET    /api/contacts/{id}
/// POST   /api/contacts
/// PUT    /api/contacts/{id}
/// DELETE /api/contacts/{id}
/// POST   /api/contacts/{id}/invites                 (single-use code + Telegram deep link; body optional: {"expiryDays": 14})
/// GET    /api/contacts/{id}/invites
/// GET    /api/contacts/{id}/invites/{code}/qr       (PNG of the deep link)
/// </summary>
public static class ContactsApi
{
    public static IEndpointRouteBuilder MapContactsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/contacts").WithTags("Contacts").WithETags();
        api.MapGet("/", ListContacts).RequireAuthorization(AuthPolicies.Viewer);
        api.MapGet("/{id:int}", GetContact).RequireAuthorization(AuthPolicies.Viewer);
        api.MapPost("/", CreateContact).RequireAuthorization(AuthPolicies.Admin);
        api.MapPut("/{id:int}", UpdateContact).RequireAuthorization(AuthPolicies.Admin);
        api.MapDelete("/{id:int}", DeleteContact).RequireAuthorization(AuthPolicies.Admin);
        api.MapPost("/{id:int}/invites", CreateContactInvite).RequireAuthorization(AuthPolicies.Admin);
        api.MapGet("/{id:int}/invites", ListContactInvites).RequireAuthorization(AuthPolicies.Viewer);
        api.MapGet("/{id:int}/invites/{code}/qr", ContactInviteQr).RequireAuthorization(AuthPolicies.Viewer);
        return app;
    }

    public static async Task<Results<Ok<Page<ContactResponse>>, ValidationProblem>> ListContacts(YouthMonthDb db,
        int? unitId, int? organisationId, bool? active, string? name, int? page, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (p, size) = Paging.Check(errors, page, pageSize);
        if (errors.Any) return ApiResults.Invalid(errors);
        var query = db.Contacts.AsNoTracking();
        if (unitId is { } u) query = query.Where(c => c.UnitId == u);
        if (organisationId is { } o) query = query.Where(c => c.Unit!.OrganisationId == o);
        if (active is { } a) query = query.Where(c => c.Active == a);
        query = query.OrderBy(c => c.UnitId).ThenBy(c => c.Id);
        if (string.IsNullOrWhiteSpace(name)) return TypedResults.Ok(await query.ToPageAsync(p, size, ContactResponse.From, ct));
        var folded = VietnameseText.Fold(name);
        var matching = (await query.ToListAsync(ct)).Where(c => VietnameseText.Fold(c.Name).Contains(folded, StringComparison.Ordinal)).ToList();
        return TypedResults.Ok(matching.ToPage(p, size, ContactResponse.From));
    }

    public static async Task<Results<Ok<ContactResponse>, ProblemHttpResult>> GetContact(YouthMonthDb db, int id, CancellationToken ct) =>
        await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } c
            ? TypedResults.Ok(ContactResponse.From(c))
            : ApiResults.NotFound($"Không có người liên hệ #{id}.");

    public static async Task<Results<Created<ContactResponse>, ValidationProblem>> CreateContact(YouthMonthDb db, ContactRequest request, CancellationToken ct)
    {
        if (request.UnitId is not { } unitId || !await db.Units.AnyAsync(u => u.Id == unitId, ct))
            return ApiResults.Invalid("unitId", request.UnitId is null ? "Không được để trống." : $"Không có đơn vị #{request.UnitId}.");
        var contact = new Contact { UnitId = unitId, Name = "" };
        var errors = Apply(contact, request);
        if (errors.Any) return ApiResults.Invalid(errors);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/contacts/{contact.Id}", ContactResponse.From(contact));
    }

    public static async Task<Results<Ok<ContactResponse>, ValidationProblem, ProblemHttpResult>> UpdateContact(
        YouthMonthDb db, HttpContext http, int id, ContactRequest request, CancellationToken ct)
    {
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return ApiResults.NotFound($"Không có người liên hệ #{id}.");
        var (version, missing) = Versions.Requested(http, request.Version);
        if (missing is not null) return missing;
        if (contact.Version != version) return ApiResults.StaleVersion();
        var errors = Apply(contact, request);
        if (request.UnitId is { } unitId && unitId != contact.UnitId)
        {
            // Moving a contact to another unit of the same organisation is allowed (people change posts).
            var sameOrg = await db.Units.Where(u => u.Id == unitId)
                .AnyAsync(u => u.OrganisationId == db.Units.Where(x => x.Id == contact.UnitId).Select(x => x.OrganisationId).First(), ct);
            if (!sameOrg) errors.Add("unitId", $"Không có đơn vị #{unitId} trong cùng tổ chức.");
            else contact.UnitId = unitId;
        }
        if (errors.Any) return ApiResults.Invalid(errors);
        db.Expect(contact, version!.Value);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ContactResponse.From(contact));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteContact(YouthMonthDb db, int id, CancellationToken ct) =>
        await db.Contacts.Where(c => c.Id == id).ExecuteDeleteAsync(ct) > 0
            ? TypedResults.NoContent()
            : ApiResults.NotFound($"Không có người liên hệ #{id}.");

    public static async Task<Results<Created<InviteResponse>, ValidationProblem, ProblemHttpResult>> CreateContactInvite(
        YouthMonthDb db, TimeProvider clock, IOptions<InviteOptions> options, int id, InviteRequest? request, CancellationToken ct)
    {
        if (!await db.Contacts.AnyAsync(c => c.Id == id, ct)) return ApiResults.NotFound($"Không có người liên hệ #{id}.");
        return await Invites.CreateAsync(db, clock, options.Value, request, id, null, $"/api/contacts/{id}", ct);
    }

    public static async Task<Results<Ok<List<InviteResponse>>, ProblemHttpResult>> ListContactInvites(
        YouthMonthDb db, IOptions<InviteOptions> options, int id, CancellationToken ct)
    {
        if (!await db.Contacts.AnyAsync(c => c.Id == id, ct)) return ApiResults.NotFound($"Không có người liên hệ #{id}.");
        return TypedResults.Ok(await Invites.ListAsync(db.InviteCodes.Where(i => i.ContactId == id), options.Value, $"/api/contacts/{id}", ct));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ContactInviteQr(
        YouthMonthDb db, IOptions<InviteOptions> options, int id, string code, CancellationToken ct) =>
        Invites.Qr(await db.InviteCodes.AsNoTracking().FirstOrDefaultAsync(i => i.ContactId == id && i.Code == code, ct), options.Value);

    private static FieldErrors Apply(Contact c, ContactRequest r)
    {
        var errors = new FieldErrors();
        c.Name = PlanRules.RequiredText(errors, "name", r.Name, 200) ?? c.Name;
        c.Phone = PlanRules.OptionalText(errors, "phone", r.Phone, 32);
        if (c.Phone is { } phone && !phone.All(ch => char.IsDigit(ch) || ch is ' ' or '.' or '-' or '+' or '(' or ')'))
            errors.Add("phone", "Số điện thoại chỉ gồm chữ số, khoảng trắng và các dấu + . - ( ).");
        c.Role = PlanRules.OptionalText(errors, "role", r.Role, 100);
        c.Active = r.Active ?? c.Active;
        return errors;
    }
}
