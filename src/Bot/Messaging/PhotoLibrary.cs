using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using YouthMonth.Core.Messaging;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Reporting;

namespace YouthMonth.Bot.Messaging;

/// <summary>
/// Photos on disk under Photos:Root, content-addressed by SHA-256 (the same image twice is stored once), with
/// one <see cref="Photo"/> row each. Only real JPEG, PNG and WebP files (by their first bytes) are accepted.
/// </summary>
public sealed class PhotoLibrary(YouthMonthDb db, IOptions<PhotoOptions> options, TimeProvider clock)
{
    public long MaxBytes => options.Value.MaxBytes;

    public static string? DetectContentType(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return "image/jpeg";
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual<byte>([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    /// <summary>Stores the image (or finds it stored already); a rejection when it is too large or not an image.</summary>
    public async Task<(Photo? Photo, PhotoRejection? Rejected)> SaveAsync(byte[] bytes, string? telegramFileId, string? sourceUrl,
        int? width, int? height, CancellationToken ct)
    {
        if (bytes.LongLength > options.Value.MaxBytes) return (null, PhotoRejection.TooLarge);
        var contentType = DetectContentType(bytes);
        if (contentType is null) return (null, PhotoRejection.NotAnImage);

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var relative = Path.Combine(sha[..2], $"{sha}.{contentType["image/".Length..].Replace("jpeg", "jpg")}");
        var full = FullPath(relative);
        if (!File.Exists(full))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temp = $"{full}.{Guid.NewGuid():N}.tmp";
            await File.WriteAllBytesAsync(temp, bytes, ct);
            try { File.Move(temp, full, overwrite: false); }
            catch (IOException) when (File.Exists(full)) { File.Delete(temp); }
        }

        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO photos (sha256, content_type, size_bytes, width, height, storage_path, telegram_file_id, source_url, created_at)
            VALUES ({sha}, {contentType}, {bytes.LongLength}, {width}, {height}, {relative.Replace('\\', '/')}, {telegramFileId},
                    {(sourceUrl is { Length: <= 2000 } ? sourceUrl : null)}, {clock.GetUtcNow()})
            ON CONFLICT (sha256) DO UPDATE SET telegram_file_id = COALESCE(photos.telegram_file_id, EXCLUDED.telegram_file_id)
            """, ct);
        var photo = await db.Photos.AsNoTracking().SingleAsync(p => p.Sha256 == sha, ct);
        return (photo, null);
    }

    public string FullPath(string storagePath) =>
        Path.GetFullPath(Path.Combine(options.Value.Root, storagePath.Replace('/', Path.DirectorySeparatorChar)));

    public string? PublicUrl(Photo photo) =>
        string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? null : $"{options.Value.PublicBaseUrl.TrimEnd('/')}/photos/{photo.Sha256}";
}
