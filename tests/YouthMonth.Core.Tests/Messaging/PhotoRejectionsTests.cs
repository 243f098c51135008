using YouthMonth.Core.Messaging;

namespace YouthMonth.Core.Tests.Messaging;

public sealed class PhotoRejectionsTests
{
    [Theory]
    [InlineData(10L * 1024 * 1024, "Ảnh quá lớn (tối đa 10 MB).")]
    [InlineData(5L * 512 * 1024, "Ảnh quá lớn (tối đa 2,5 MB).")]
    [InlineData(4096L, "Ảnh quá lớn (tối đa 4 KB).")]
    [InlineData(null, "Ảnh quá lớn.")]
    public void Too_large_names_the_limit_the_channel_applied(long? maxBytes, string start) =>
        Assert.StartsWith(start, PhotoRejections.Explain(PhotoRejection.TooLarge, maxBytes));
}
