using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using YouthMonth.Core.Access;
using YouthMonth.Core.Dialogs;
using YouthMonth.Core.Messaging;

namespace YouthMonth.Core.Persistence.Configurations;

internal sealed class ChatAccountConfiguration : IEntityTypeConfiguration<ChatAccount>
{
    public void Configure(EntityTypeBuilder<ChatAccount> e)
    {
        e.Property(x => x.Channel).HasMaxLength(16);
        e.Property(x => x.ChatId).HasMaxLength(64);
        e.Property(x => x.ChatType).HasMaxLength(16);
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.DisplayName).HasMaxLength(200);
        e.Property(x => x.SharedPhone).HasMaxLength(32);
        e.Property(x => x.UnreachableReason).HasMaxLength(300);
        e.Property(x => x.LastChoices).HasColumnType("jsonb");
        e.HasIndex(x => new { x.Channel, x.ChatId }).IsUnique();
        e.HasOne(x => x.Contact).WithMany().OnDelete(DeleteBehavior.SetNull);
        e.HasOne(x => x.LeaderChat).WithMany().OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ChatBindingAuditConfiguration : IEntityTypeConfiguration<ChatBindingAudit>
{
    public void Configure(EntityTypeBuilder<ChatBindingAudit> e)
    {
        e.ToTable("chat_binding_audit");
        e.Property(x => x.Action).HasMaxLength(16);
        e.Property(x => x.Channel).HasMaxLength(16);
        e.Property(x => x.ChatId).HasMaxLength(64);
        e.Property(x => x.DisplayName).HasMaxLength(200);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.Actor).HasMaxLength(200);
        e.Property(x => x.Reason).HasMaxLength(500);
        e.HasIndex(x => x.ChatAccountId);
        e.HasIndex(x => x.ContactId).HasFilter("contact_id IS NOT NULL");
        e.HasIndex(x => x.LeaderChatId).HasFilter("leader_chat_id IS NOT NULL");
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> e)
    {
        e.ToTable("inbox");
        e.Property(x => x.Channel).HasMaxLength(16);
        e.Property(x => x.UpdateKey).HasMaxLength(200);
        e.Property(x => x.ChatId).HasMaxLength(64);
        e.Property(x => x.Payload).HasColumnType("jsonb");
        e.HasIndex(x => new { x.Channel, x.UpdateKey }).IsUnique();
        e.HasIndex(x => new { x.Channel, x.ChatId, x.Id }).HasFilter("processed_at IS NULL");
        e.HasIndex(x => x.Id).HasFilter("processed_at IS NULL");
        e.HasIndex(x => x.DeadLetteredAt).HasFilter("dead_lettered_at IS NOT NULL");
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("outbox");
        e.Property(x => x.Channel).HasMaxLength(16);
        e.Property(x => x.ChatId).HasMaxLength(64);
        e.Property(x => x.Payload).HasColumnType("jsonb");
        e.Property(x => x.DedupKey).HasMaxLength(300);
        e.Property(x => x.State).HasMaxLength(16);
        e.Property(x => x.ExternalMessageId).HasMaxLength(100);
        e.HasIndex(x => x.DedupKey).IsUnique();
        e.HasIndex(x => new { x.State, x.NotBefore }).HasFilter("state = 'Pending'");
        e.HasIndex(x => new { x.Channel, x.ChatId }).HasFilter("state = 'Pending'");
        e.HasIndex(x => x.State).HasFilter("state = 'Failed'");
    }
}

internal sealed class SendPacingConfiguration : IEntityTypeConfiguration<SendPacing>
{
    public void Configure(EntityTypeBuilder<SendPacing> e)
    {
        e.ToTable("send_pacing");
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(200);
    }
}

internal sealed class DialogStateConfiguration : IEntityTypeConfiguration<DialogState>
{
    public void Configure(EntityTypeBuilder<DialogState> e)
    {
        e.HasKey(x => x.ChatAccountId);
        e.Property(x => x.Dialog).HasMaxLength(64);
        e.Property(x => x.Step).HasMaxLength(64);
        e.Property(x => x.Data).HasColumnType("jsonb");
        e.Property(x => x.Version).IsRowVersion();
        e.HasOne(x => x.ChatAccount).WithOne().HasForeignKey<DialogState>(x => x.ChatAccountId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> e)
    {
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Role).HasMaxLength(16);
        e.Property(x => x.Prefix).HasMaxLength(16);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.HasIndex(x => x.Hash).IsUnique();
    }
}

internal sealed class OfficeUserConfiguration : IEntityTypeConfiguration<OfficeUser>
{
    public void Configure(EntityTypeBuilder<OfficeUser> e)
    {
        e.Property(x => x.UserName).HasMaxLength(64);
        e.Property(x => x.DisplayName).HasMaxLength(100);
        e.Property(x => x.Role).HasMaxLength(16);
        e.Property(x => x.PasswordHash).HasMaxLength(200);
        e.HasIndex(x => x.UserName).IsUnique();
    }
}
