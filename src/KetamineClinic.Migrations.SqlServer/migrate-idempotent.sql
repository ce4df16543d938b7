IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisplayName] nvarchar(256) NULL,
        [IsDisabled] bit NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Id] bigint NOT NULL IDENTITY,
        [At] datetime2 NOT NULL,
        [ActorId] nvarchar(450) NULL,
        [ActorName] nvarchar(256) NULL,
        [Action] varchar(64) NOT NULL,
        [Subject] nvarchar(128) NULL,
        [Details] nvarchar(500) NULL,
        [IpHash] varchar(64) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE TABLE [ConsultationRequests] (
        [Id] int NOT NULL IDENTITY,
        [Reference] varchar(16) NOT NULL,
        [IdempotencyKey] uniqueidentifier NOT NULL,
        [FirstName] nvarchar(100) NOT NULL,
        [LastName] nvarchar(100) NOT NULL,
        [Email] nvarchar(254) NOT NULL,
        [Phone] varchar(16) NOT NULL,
        [PreferredContact] nvarchar(20) NOT NULL,
        [State] varchar(2) NOT NULL,
        [BestTimeToReach] nvarchar(200) NULL,
        [HeardAboutUs] nvarchar(200) NULL,
        [HelpWith] nvarchar(max) NOT NULL,
        [HealthAnswers] nvarchar(max) NOT NULL,
        [IsAdultConfirmed] bit NOT NULL,
        [ConsentGiven] bit NOT NULL,
        [IsUrgent] bit NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [FirstContactedAt] datetime2 NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [SourceIpHash] varchar(64) NULL,
        [UserAgent] nvarchar(512) NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ConsultationRequests] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE TABLE [LeadNotes] (
        [Id] int NOT NULL IDENTITY,
        [ConsultationRequestId] int NOT NULL,
        [AuthorId] nvarchar(450) NOT NULL,
        [AuthorName] nvarchar(256) NOT NULL,
        [Text] nvarchar(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_LeadNotes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LeadNotes_ConsultationRequests_ConsultationRequestId] FOREIGN KEY ([ConsultationRequestId]) REFERENCES [ConsultationRequests] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE TABLE [LeadStatusChanges] (
        [Id] int NOT NULL IDENTITY,
        [ConsultationRequestId] int NOT NULL,
        [From] nvarchar(20) NOT NULL,
        [To] nvarchar(20) NOT NULL,
        [ChangedById] nvarchar(450) NOT NULL,
        [ChangedByName] nvarchar(256) NOT NULL,
        [ChangedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_LeadStatusChanges] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_LeadStatusChanges_ConsultationRequests_ConsultationRequestId] FOREIGN KEY ([ConsultationRequestId]) REFERENCES [ConsultationRequests] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE TABLE [OutboxMessages] (
        [Id] int NOT NULL IDENTITY,
        [ConsultationRequestId] int NULL,
        [Kind] nvarchar(30) NOT NULL,
        [MessageId] varchar(200) NOT NULL,
        [Recipients] nvarchar(2000) NOT NULL,
        [Subject] nvarchar(300) NOT NULL,
        [TextBody] nvarchar(max) NOT NULL,
        [HtmlBody] nvarchar(max) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Attempts] int NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [NextAttemptAt] datetime2 NOT NULL,
        [SentAt] datetime2 NULL,
        [LockedBy] nvarchar(100) NULL,
        [LockedUntil] datetime2 NULL,
        [LastError] nvarchar(1000) NULL,
        CONSTRAINT [PK_OutboxMessages] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OutboxMessages_ConsultationRequests_ConsultationRequestId] FOREIGN KEY ([ConsultationRequestId]) REFERENCES [ConsultationRequests] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_Action_At] ON [AuditEntries] ([Action], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_At] ON [AuditEntries] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_ConsultationRequests_CreatedAt] ON [ConsultationRequests] ([CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ConsultationRequests_IdempotencyKey] ON [ConsultationRequests] ([IdempotencyKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ConsultationRequests_Reference] ON [ConsultationRequests] ([Reference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_ConsultationRequests_Status_CreatedAt] ON [ConsultationRequests] ([Status], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_LeadNotes_ConsultationRequestId] ON [LeadNotes] ([ConsultationRequestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_LeadStatusChanges_ConsultationRequestId] ON [LeadStatusChanges] ([ConsultationRequestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_ConsultationRequestId] ON [OutboxMessages] ([ConsultationRequestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OutboxMessages_MessageId] ON [OutboxMessages] ([MessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_Status_NextAttemptAt] ON [OutboxMessages] ([Status], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123092058_InitialCreate'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123092058_InitialCreate', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151124_OutboxRendersAtSend'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[OutboxMessages]') AND [c].[name] = N'HtmlBody');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [OutboxMessages] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [OutboxMessages] DROP COLUMN [HtmlBody];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151124_OutboxRendersAtSend'
)
BEGIN
    DECLARE @var1 nvarchar(max);
    SELECT @var1 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[OutboxMessages]') AND [c].[name] = N'Recipients');
    IF @var1 IS NOT NULL EXEC(N'ALTER TABLE [OutboxMessages] DROP CONSTRAINT ' + @var1 + ';');
    ALTER TABLE [OutboxMessages] DROP COLUMN [Recipients];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151124_OutboxRendersAtSend'
)
BEGIN
    DECLARE @var2 nvarchar(max);
    SELECT @var2 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[OutboxMessages]') AND [c].[name] = N'Subject');
    IF @var2 IS NOT NULL EXEC(N'ALTER TABLE [OutboxMessages] DROP CONSTRAINT ' + @var2 + ';');
    ALTER TABLE [OutboxMessages] DROP COLUMN [Subject];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151124_OutboxRendersAtSend'
)
BEGIN
    DECLARE @var3 nvarchar(max);
    SELECT @var3 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[OutboxMessages]') AND [c].[name] = N'TextBody');
    IF @var3 IS NOT NULL EXEC(N'ALTER TABLE [OutboxMessages] DROP CONSTRAINT ' + @var3 + ';');
    ALTER TABLE [OutboxMessages] DROP COLUMN [TextBody];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151124_OutboxRendersAtSend'
)
BEGIN
    DELETE FROM OutboxMessages WHERE ConsultationRequestId IS NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151124_OutboxRendersAtSend'
)
BEGIN
    DROP INDEX [IX_OutboxMessages_ConsultationRequestId] ON [OutboxMessages];
    DECLARE @var4 nvarchar(max);
    SELECT @var4 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[OutboxMessages]') AND [c].[name] = N'ConsultationRequestId');
    IF @var4 IS NOT NULL EXEC(N'ALTER TABLE [OutboxMessages] DROP CONSTRAINT ' + @var4 + ';');
    EXEC(N'UPDATE [OutboxMessages] SET [ConsultationRequestId] = 0 WHERE [ConsultationRequestId] IS NULL');
    ALTER TABLE [OutboxMessages] ALTER COLUMN [ConsultationRequestId] int NOT NULL;
    ALTER TABLE [OutboxMessages] ADD DEFAULT 0 FOR [ConsultationRequestId];
    CREATE INDEX [IX_OutboxMessages_ConsultationRequestId] ON [OutboxMessages] ([ConsultationRequestId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261123151124_OutboxRendersAtSend'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261123151124_OutboxRendersAtSend', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202073328_RequestVocabulary'
)
BEGIN
    ALTER TABLE [LeadNotes] DROP CONSTRAINT [FK_LeadNotes_ConsultationRequests_ConsultationRequestId];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202073328_RequestVocabulary'
)
BEGIN
    ALTER TABLE [LeadNotes] DROP CONSTRAINT [PK_LeadNotes];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202073328_RequestVocabulary'
)
BEGIN
    EXEC sp_rename N'[LeadNotes]', N'RequestNotes', 'OBJECT';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202073328_RequestVocabulary'
)
BEGIN
    EXEC sp_rename N'[RequestNotes].[IX_LeadNotes_ConsultationRequestId]', N'IX_RequestNotes_ConsultationRequestId', 'INDEX';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202073328_RequestVocabulary'
)
BEGIN
    ALTER TABLE [RequestNotes] ADD CONSTRAINT [PK_RequestNotes] PRIMARY KEY ([Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202073328_RequestVocabulary'
)
BEGIN
    ALTER TABLE [RequestNotes] ADD CONSTRAINT [FK_RequestNotes_ConsultationRequests_ConsultationRequestId] FOREIGN KEY ([ConsultationRequestId]) REFERENCES [ConsultationRequests] ([Id]) ON DELETE CASCADE;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202073328_RequestVocabulary'
)
BEGIN
    ALTER TABLE [LeadStatusChanges] DROP CONSTRAINT [FK_LeadStatusChanges_ConsultationRequests_ConsultationRequestId];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202073328_RequestVocabulary'
)
BEGIN
    ALTER TABLE [LeadStatusChanges] DROP CONSTRAINT [PK_LeadStatusChanges];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202073328_RequestVocabulary'
)
BEGIN
    EXEC sp_rename N'[LeadStatusChanges]', N'RequestStatusChanges', 'OBJECT';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202073328_RequestVocabulary'
)
BEGIN
    EXEC sp_rename N'[RequestStatusChanges].[IX_LeadStatusChanges_ConsultationRequestId]', N'IX_RequestStatusChanges_ConsultationRequestId', 'INDEX';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202073328_RequestVocabulary'
)
BEGIN
    ALTER TABLE [RequestStatusChanges] ADD CONSTRAINT [PK_RequestStatusChanges] PRIMARY KEY ([Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202073328_RequestVocabulary'
)
BEGIN
    ALTER TABLE [RequestStatusChanges] ADD CONSTRAINT [FK_RequestStatusChanges_ConsultationRequests_ConsultationRequestId] FOREIGN KEY ([ConsultationRequestId]) REFERENCES [ConsultationRequests] ([Id]) ON DELETE CASCADE;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202073328_RequestVocabulary'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202073328_RequestVocabulary', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202122959_StaffSessions'
)
BEGIN
    CREATE TABLE [StaffSessions] (
        [Id] varchar(64) NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [Ticket] varbinary(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [IdleExpiresAt] datetime2 NOT NULL,
        [ExpiresAt] datetime2 NOT NULL,
        CONSTRAINT [PK_StaffSessions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_StaffSessions_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202122959_StaffSessions'
)
BEGIN
    CREATE INDEX [IX_StaffSessions_UserId] ON [StaffSessions] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202122959_StaffSessions'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202122959_StaffSessions', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123308_StaffAuthenticatorTimeStep'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [LastAuthenticatorTimeStep] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123308_StaffAuthenticatorTimeStep'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202123308_StaffAuthenticatorTimeStep', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123353_Booking'
)
BEGIN
    ALTER TABLE [OutboxMessages] ADD [ConsultationCallId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123353_Booking'
)
BEGIN
    ALTER TABLE [OutboxMessages] ADD [ManageToken] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123353_Booking'
)
BEGIN
    CREATE TABLE [AvailabilitySettings] (
        [Id] int NOT NULL,
        [WeeklyHours] nvarchar(1000) NOT NULL,
        [CallMinutes] int NOT NULL,
        [CallsAtOnce] int NOT NULL,
        [DaysAhead] int NOT NULL,
        [MinimumNoticeMinutes] int NOT NULL,
        [ClosedDates] nvarchar(4000) NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_AvailabilitySettings] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123353_Booking'
)
BEGIN
    CREATE TABLE [ConsultationCalls] (
        [Id] int NOT NULL IDENTITY,
        [ConsultationRequestId] int NOT NULL,
        [StartsAt] datetime2 NOT NULL,
        [EndsAt] datetime2 NOT NULL,
        [Seat] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [CancelledAt] datetime2 NULL,
        [CalendarUid] varchar(100) NOT NULL,
        [Sequence] int NOT NULL,
        [ManageTokenHash] varchar(64) NOT NULL,
        [ManageTokenExpiresAt] datetime2 NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UpdatedAt] datetime2 NOT NULL,
        [Version] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ConsultationCalls] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ConsultationCalls_ConsultationRequests_ConsultationRequestId] FOREIGN KEY ([ConsultationRequestId]) REFERENCES [ConsultationRequests] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123353_Booking'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_ConsultationCallId] ON [OutboxMessages] ([ConsultationCallId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123353_Booking'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_ConsultationCalls_ConsultationRequestId] ON [ConsultationCalls] ([ConsultationRequestId]) WHERE CancelledAt IS NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123353_Booking'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ConsultationCalls_ManageTokenHash] ON [ConsultationCalls] ([ManageTokenHash]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123353_Booking'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_ConsultationCalls_StartsAt_Seat] ON [ConsultationCalls] ([StartsAt], [Seat]) WHERE CancelledAt IS NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123353_Booking'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202123353_Booking', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123836_EncryptBestTimeAndHeardAboutUs'
)
BEGIN
    DECLARE @var5 nvarchar(max);
    SELECT @var5 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[ConsultationRequests]') AND [c].[name] = N'HeardAboutUs');
    IF @var5 IS NOT NULL EXEC(N'ALTER TABLE [ConsultationRequests] DROP CONSTRAINT ' + @var5 + ';');
    ALTER TABLE [ConsultationRequests] ALTER COLUMN [HeardAboutUs] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123836_EncryptBestTimeAndHeardAboutUs'
)
BEGIN
    DECLARE @var6 nvarchar(max);
    SELECT @var6 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[ConsultationRequests]') AND [c].[name] = N'BestTimeToReach');
    IF @var6 IS NOT NULL EXEC(N'ALTER TABLE [ConsultationRequests] DROP CONSTRAINT ' + @var6 + ';');
    ALTER TABLE [ConsultationRequests] ALTER COLUMN [BestTimeToReach] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123836_EncryptBestTimeAndHeardAboutUs'
)
BEGIN
    UPDATE [ConsultationRequests] SET [BestTimeToReach] = N'plain:' + [BestTimeToReach] WHERE [BestTimeToReach] IS NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123836_EncryptBestTimeAndHeardAboutUs'
)
BEGIN
    UPDATE [ConsultationRequests] SET [HeardAboutUs] = N'plain:' + [HeardAboutUs] WHERE [HeardAboutUs] IS NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202123836_EncryptBestTimeAndHeardAboutUs'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202123836_EncryptBestTimeAndHeardAboutUs', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202132645_RequestOwner'
)
BEGIN
    ALTER TABLE [ConsultationRequests] ADD [AssignedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202132645_RequestOwner'
)
BEGIN
    ALTER TABLE [ConsultationRequests] ADD [AssignedByName] nvarchar(256) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202132645_RequestOwner'
)
BEGIN
    ALTER TABLE [ConsultationRequests] ADD [AssignedToId] nvarchar(450) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202132645_RequestOwner'
)
BEGIN
    ALTER TABLE [ConsultationRequests] ADD [AssignedToName] nvarchar(256) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202132645_RequestOwner'
)
BEGIN
    CREATE INDEX [IX_ConsultationRequests_AssignedToId] ON [ConsultationRequests] ([AssignedToId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202132645_RequestOwner'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202132645_RequestOwner', N'10.0.14');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202153511_StaffPasskeys'
)
BEGIN
    DECLARE @var7 nvarchar(max);
    SELECT @var7 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[AspNetUserTokens]') AND [c].[name] = N'Name');
    IF @var7 IS NOT NULL EXEC(N'ALTER TABLE [AspNetUserTokens] DROP CONSTRAINT ' + @var7 + ';');
    ALTER TABLE [AspNetUserTokens] ALTER COLUMN [Name] nvarchar(128) NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202153511_StaffPasskeys'
)
BEGIN
    DECLARE @var8 nvarchar(max);
    SELECT @var8 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[AspNetUserTokens]') AND [c].[name] = N'LoginProvider');
    IF @var8 IS NOT NULL EXEC(N'ALTER TABLE [AspNetUserTokens] DROP CONSTRAINT ' + @var8 + ';');
    ALTER TABLE [AspNetUserTokens] ALTER COLUMN [LoginProvider] nvarchar(128) NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202153511_StaffPasskeys'
)
BEGIN
    DECLARE @var9 nvarchar(max);
    SELECT @var9 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[AspNetUsers]') AND [c].[name] = N'PhoneNumber');
    IF @var9 IS NOT NULL EXEC(N'ALTER TABLE [AspNetUsers] DROP CONSTRAINT ' + @var9 + ';');
    ALTER TABLE [AspNetUsers] ALTER COLUMN [PhoneNumber] nvarchar(256) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202153511_StaffPasskeys'
)
BEGIN
    DECLARE @var10 nvarchar(max);
    SELECT @var10 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[AspNetUserLogins]') AND [c].[name] = N'ProviderKey');
    IF @var10 IS NOT NULL EXEC(N'ALTER TABLE [AspNetUserLogins] DROP CONSTRAINT ' + @var10 + ';');
    ALTER TABLE [AspNetUserLogins] ALTER COLUMN [ProviderKey] nvarchar(128) NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202153511_StaffPasskeys'
)
BEGIN
    DECLARE @var11 nvarchar(max);
    SELECT @var11 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[AspNetUserLogins]') AND [c].[name] = N'LoginProvider');
    IF @var11 IS NOT NULL EXEC(N'ALTER TABLE [AspNetUserLogins] DROP CONSTRAINT ' + @var11 + ';');
    ALTER TABLE [AspNetUserLogins] ALTER COLUMN [LoginProvider] nvarchar(128) NOT NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202153511_StaffPasskeys'
)
BEGIN
    CREATE TABLE [AspNetUserPasskeys] (
        [CredentialId] varbinary(1024) NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [Data] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_AspNetUserPasskeys] PRIMARY KEY ([CredentialId]),
        CONSTRAINT [FK_AspNetUserPasskeys_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202153511_StaffPasskeys'
)
BEGIN
    CREATE INDEX [IX_AspNetUserPasskeys_UserId] ON [AspNetUserPasskeys] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202153511_StaffPasskeys'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202153511_StaffPasskeys', N'10.0.14');
END;

COMMIT;
GO

