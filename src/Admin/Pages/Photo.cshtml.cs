using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Web;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Admin.Pages;

/// <summary>
/// A report photo for the review page, read from the Bot's photo folder (Photos:Root, shared storage, as the
/// .docx export does). Only signed-in staff see it; the stored path is kept inside the root.
/// </summary>
public sealed class PhotoModel(YouthMonthDb db, IConfiguration config) : OfficePage
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var photo = await db.Photos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (photo is null) return NotFound();
        var root = Path.GetFullPath(config["Photos:Root"] ?? "data/photos");
        var path = Path.GetFullPath(Path.Combine(root, photo.StoragePath));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !System.IO.File.Exists(path)) return NotFound();
        Response.Headers.CacheControl = "private, max-age=86400";
        return PhysicalFile(path, photo.ContentType is "image/jpeg" or "image/png" or "image/webp" or "image/gif" ? photo.ContentType : "application/octet-stream");
    }
}
