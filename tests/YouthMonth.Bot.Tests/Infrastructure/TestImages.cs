namespace YouthMonth.Bot.Tests.Infrastructure;

/// <summary>Small byte arrays that start like real image files (magic bytes are what the photo store checks).</summary>
public static class TestImages
{
    public static byte[] Jpeg(int size = 600, byte seed = 1) => Build([0xFF, 0xD8, 0xFF, 0xE0], size, seed);
    public static byte[] Png(int size = 600, byte seed = 2) => Build([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], size, seed);
    public static byte[] NotAnImage() => "%PDF-1.7 not a photo"u8.ToArray();

    private static byte[] Build(byte[] magic, int size, byte seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        magic.CopyTo(bytes, 0);
        return bytes;
    }
}
