/*
 * generated — do not edit; regenerate with `pnpm --filter @ticketbridge/autotask generate`
 *
 * The entities of the Autotask REST API and the routes each one has, derived from ../../../shared/vendor-specs/autotask/autotask-rest-v1.swagger.json.
 */
/* eslint-disable */
import type { components } from './autotask-openapi'

/** The model of every entity, by entity name (the URL segment after `/V1.0/`). */
export type AutotaskEntityModels = {
  ActionTypes: components['schemas']["ActionTypeModel"]
  AdditionalInvoiceFieldValues: components['schemas']["AdditionalInvoiceFieldValueModel"]
  Appointments: components['schemas']["AppointmentModel"]
  ArticleAttachments: components['schemas']["ArticleAttachmentModel"]
  ArticleConfigurationItemCategoryAssociations: components['schemas']["ArticleConfigurationItemCategoryAssociationModel"]
  ArticleNotes: components['schemas']["ArticleNoteModel"]
  ArticlePlainTextContent: components['schemas']["ArticlePlainTextContentModel"]
  ArticleTagAssociations: components['schemas']["ArticleTagAssociationModel"]
  ArticleTicketAssociations: components['schemas']["ArticleTicketAssociationModel"]
  ArticleToArticleAssociations: components['schemas']["ArticleToArticleAssociationModel"]
  ArticleToDocumentAssociations: components['schemas']["ArticleToDocumentAssociationModel"]
  AttachmentInfo: components['schemas']["AttachmentInfoModel"]
  BillingCodes: components['schemas']["BillingCodeModel"]
  BillingItemApprovalLevels: components['schemas']["BillingItemApprovalLevelModel"]
  BillingItems: components['schemas']["BillingItemModel"]
  ChangeOrderCharges: components['schemas']["ChangeOrderChargeModel"]
  ChangeRequestLinks: components['schemas']["ChangeRequestLinkModel"]
  ChecklistLibraries: components['schemas']["ChecklistLibraryModel"]
  ChecklistLibraryChecklistItems: components['schemas']["ChecklistLibraryChecklistItemModel"]
  ClassificationIcons: components['schemas']["ClassificationIconModel"]
  ClientPortalUsers: components['schemas']["ClientPortalUserModel"]
  ComanagedAssociations: components['schemas']["ComanagedAssociationModel"]
  Companies: components['schemas']["CompanyModel"]
  CompanyAlerts: components['schemas']["CompanyAlertModel"]
  CompanyAttachments: components['schemas']["CompanyAttachmentModel"]
  CompanyCategories: components['schemas']["CompanyCategoryModel"]
  CompanyLocations: components['schemas']["CompanyLocationModel"]
  CompanyNoteAttachments: components['schemas']["CompanyNoteAttachmentModel"]
  CompanyNotes: components['schemas']["CompanyNoteModel"]
  CompanySiteConfigurations: components['schemas']["CompanySiteConfigurationModel"]
  CompanyTeams: components['schemas']["CompanyTeamModel"]
  CompanyToDos: components['schemas']["CompanyToDoModel"]
  CompanyWebhookExcludedResources: components['schemas']["CompanyWebhookExcludedResourceModel"]
  CompanyWebhookFields: components['schemas']["CompanyWebhookFieldModel"]
  CompanyWebhooks: components['schemas']["CompanyWebhookModel"]
  CompanyWebhookUdfFields: components['schemas']["CompanyWebhookUdfFieldModel"]
  ConfigurationItemAttachments: components['schemas']["ConfigurationItemAttachmentModel"]
  ConfigurationItemBillingProductAssociations: components['schemas']["ConfigurationItemBillingProductAssociationModel"]
  ConfigurationItemCategories: components['schemas']["ConfigurationItemCategoryModel"]
  ConfigurationItemCategoryUdfAssociations: components['schemas']["ConfigurationItemCategoryUdfAssociationModel"]
  ConfigurationItemDnsRecords: components['schemas']["ConfigurationItemDnsRecordModel"]
  ConfigurationItemNoteAttachments: components['schemas']["ConfigurationItemNoteAttachmentModel"]
  ConfigurationItemNotes: components['schemas']["ConfigurationItemNoteModel"]
  ConfigurationItemRelatedItems: components['schemas']["ConfigurationItemRelatedItemModel"]
  ConfigurationItems: components['schemas']["ConfigurationItemModel"]
  ConfigurationItemSslSubjectAlternativeNames: components['schemas']["ConfigurationItemSslSubjectAlternativeNameModel"]
  ConfigurationItemTypes: components['schemas']["ConfigurationItemTypeModel"]
  ConfigurationItemWebhookExcludedResources: components['schemas']["ConfigurationItemWebhookExcludedResourceModel"]
  ConfigurationItemWebhookFields: components['schemas']["ConfigurationItemWebhookFieldModel"]
  ConfigurationItemWebhooks: components['schemas']["ConfigurationItemWebhookModel"]
  ConfigurationItemWebhookUdfFields: components['schemas']["ConfigurationItemWebhookUdfFieldModel"]
  ContactBillingProductAssociations: components['schemas']["ContactBillingProductAssociationModel"]
  ContactGroupContacts: components['schemas']["ContactGroupContactModel"]
  ContactGroups: components['schemas']["ContactGroupModel"]
  Contacts: components['schemas']["ContactModel"]
  ContactWebhookExcludedResources: components['schemas']["ContactWebhookExcludedResourceModel"]
  ContactWebhookFields: components['schemas']["ContactWebhookFieldModel"]
  ContactWebhooks: components['schemas']["ContactWebhookModel"]
  ContactWebhookUdfFields: components['schemas']["ContactWebhookUdfFieldModel"]
  ContractBillingRules: components['schemas']["ContractBillingRuleModel"]
  ContractBlockHourFactors: components['schemas']["ContractBlockHourFactorModel"]
  ContractBlocks: components['schemas']["ContractBlockModel"]
  ContractCharges: components['schemas']["ContractChargeModel"]
  ContractExclusionBillingCodes: components['schemas']["ContractExclusionBillingCodeModel"]
  ContractExclusionRoles: components['schemas']["ContractExclusionRoleModel"]
  ContractExclusionSetExcludedRoles: components['schemas']["ContractExclusionSetExcludedRoleModel"]
  ContractExclusionSetExcludedWorkTypes: components['schemas']["ContractExclusionSetExcludedWorkTypeModel"]
  ContractExclusionSets: components['schemas']["ContractExclusionSetModel"]
  ContractMilestones: components['schemas']["ContractMilestoneModel"]
  ContractNoteAttachments: components['schemas']["ContractNoteAttachmentModel"]
  ContractNotes: components['schemas']["ContractNoteModel"]
  ContractRates: components['schemas']["ContractRateModel"]
  ContractRetainers: components['schemas']["ContractRetainerModel"]
  ContractRoleCosts: components['schemas']["ContractRoleCostModel"]
  Contracts: components['schemas']["ContractModel"]
  ContractServiceAdjustments: components['schemas']["ContractServiceAdjustmentModel"]
  ContractServiceBundleAdjustments: components['schemas']["ContractServiceBundleAdjustmentModel"]
  ContractServiceBundles: components['schemas']["ContractServiceBundleModel"]
  ContractServiceBundleUnits: components['schemas']["ContractServiceBundleUnitModel"]
  ContractServices: components['schemas']["ContractServiceModel"]
  ContractServiceUnits: components['schemas']["ContractServiceUnitModel"]
  ContractTicketPurchases: components['schemas']["ContractTicketPurchaseModel"]
  Countries: components['schemas']["CountryModel"]
  Currencies: components['schemas']["CurrencyModel"]
  DeletedTaskActivityLogs: components['schemas']["DeletedTaskActivityLogModel"]
  DeletedTicketActivityLogs: components['schemas']["DeletedTicketActivityLogModel"]
  DeletedTicketLogs: components['schemas']["DeletedTicketLogModel"]
  Departments: components['schemas']["DepartmentModel"]
  DocumentAttachments: components['schemas']["DocumentAttachmentModel"]
  DocumentCategories: components['schemas']["DocumentCategoryModel"]
  DocumentChecklistItems: components['schemas']["DocumentChecklistItemModel"]
  DocumentChecklistLibraries: components['schemas']["DocumentChecklistLibraryModel"]
  DocumentConfigurationItemAssociations: components['schemas']["DocumentConfigurationItemAssociationModel"]
  DocumentConfigurationItemCategoryAssociations: components['schemas']["DocumentConfigurationItemCategoryAssociationModel"]
  DocumentNotes: components['schemas']["DocumentNoteModel"]
  DocumentPlainTextContent: components['schemas']["DocumentPlainTextContentModel"]
  Documents: components['schemas']["DocumentModel"]
  DocumentTagAssociations: components['schemas']["DocumentTagAssociationModel"]
  DocumentTicketAssociations: components['schemas']["DocumentTicketAssociationModel"]
  DocumentToArticleAssociations: components['schemas']["DocumentToArticleAssociationModel"]
  DocumentToDocumentAssociations: components['schemas']["DocumentToDocumentAssociationModel"]
  DomainRegistrars: components['schemas']["DomainRegistrarModel"]
  ExpenseItemAttachments: components['schemas']["ExpenseItemAttachmentModel"]
  ExpenseItems: components['schemas']["ExpenseItemModel"]
  ExpenseReportAttachments: components['schemas']["ExpenseReportAttachmentModel"]
  ExpenseReports: components['schemas']["ExpenseReportModel"]
  Holidays: components['schemas']["HolidayModel"]
  HolidaySets: components['schemas']["HolidaySetModel"]
  IntegrationVendorInsights: components['schemas']["IntegrationVendorInsightModel"]
  IntegrationVendorWidgets: components['schemas']["IntegrationVendorWidgetModel"]
  InternalLocations: components['schemas']["InternalLocationModel"]
  InternalLocationWithBusinessHours: components['schemas']["InternalLocationWithBusinessHoursModel"]
  InventoryItems: components['schemas']["InventoryItemModel"]
  InventoryItemSerialNumbers: components['schemas']["InventoryItemSerialNumberModel"]
  InventoryLocations: components['schemas']["InventoryLocationModel"]
  InventoryProducts: components['schemas']["InventoryProductModel"]
  InventoryStockedItems: components['schemas']["InventoryStockedItemModel"]
  InventoryStockedItemsAdd: components['schemas']["InventoryStockedItemAddModel"]
  InventoryStockedItemsRemove: components['schemas']["InventoryStockedItemRemoveModel"]
  InventoryStockedItemsTransfer: components['schemas']["InventoryStockedItemTransferModel"]
  InventoryTransfers: components['schemas']["InventoryTransferModel"]
  Invoices: components['schemas']["InvoiceModel"]
  InvoiceTemplates: components['schemas']["InvoiceTemplateModel"]
  KnowledgeBaseArticles: components['schemas']["KnowledgeBaseArticleModel"]
  KnowledgeBaseCategories: components['schemas']["KnowledgeBaseCategoryModel"]
  NotificationHistory: components['schemas']["NotificationHistoryModel"]
  Opportunities: components['schemas']["OpportunityModel"]
  OpportunityAttachments: components['schemas']["OpportunityAttachmentModel"]
  OrganizationalLevel1s: components['schemas']["OrganizationalLevel1Model"]
  OrganizationalLevel2s: components['schemas']["OrganizationalLevel2Model"]
  OrganizationalLevelAssociations: components['schemas']["OrganizationalLevelAssociationModel"]
  OrganizationalResources: components['schemas']["OrganizationalResourceModel"]
  PaymentTerms: components['schemas']["PaymentTermModel"]
  Phases: components['schemas']["PhaseModel"]
  PriceListMaterialCodes: components['schemas']["PriceListMaterialCodeModel"]
  PriceListProducts: components['schemas']["PriceListProductModel"]
  PriceListProductTiers: components['schemas']["PriceListProductTierModel"]
  PriceListRoles: components['schemas']["PriceListRoleModel"]
  PriceListServiceBundles: components['schemas']["PriceListServiceBundleModel"]
  PriceListServices: components['schemas']["PriceListServiceModel"]
  PriceListWorkTypeModifiers: components['schemas']["PriceListWorkTypeModifierModel"]
  ProductNotes: components['schemas']["ProductNoteModel"]
  Products: components['schemas']["ProductModel"]
  ProductTiers: components['schemas']["ProductTierModel"]
  ProductVendors: components['schemas']["ProductVendorModel"]
  ProjectAttachments: components['schemas']["ProjectAttachmentModel"]
  ProjectCharges: components['schemas']["ProjectChargeModel"]
  ProjectNoteAttachments: components['schemas']["ProjectNoteAttachmentModel"]
  ProjectNotes: components['schemas']["ProjectNoteModel"]
  Projects: components['schemas']["ProjectModel"]
  PurchaseApprovals: components['schemas']["PurchaseApprovalModel"]
  PurchaseOrderItemReceiving: components['schemas']["PurchaseOrderItemReceivingModel"]
  PurchaseOrderItems: components['schemas']["PurchaseOrderItemModel"]
  PurchaseOrders: components['schemas']["PurchaseOrderModel"]
  QuoteItems: components['schemas']["QuoteItemModel"]
  QuoteLocations: components['schemas']["QuoteLocationModel"]
  Quotes: components['schemas']["QuoteModel"]
  QuoteTemplates: components['schemas']["QuoteTemplateModel"]
  ResourceAttachments: components['schemas']["ResourceAttachmentModel"]
  ResourceRoleDepartments: components['schemas']["ResourceRoleDepartmentModel"]
  ResourceRoleQueues: components['schemas']["ResourceRoleQueueModel"]
  ResourceRoles: components['schemas']["ResourceRoleModel"]
  Resources: components['schemas']["ResourceModel"]
  ResourceServiceDeskRoles: components['schemas']["ResourceServiceDeskRoleModel"]
  ResourceSkills: components['schemas']["ResourceSkillModel"]
  Roles: components['schemas']["RoleModel"]
  SalesOrderAttachments: components['schemas']["SalesOrderAttachmentModel"]
  SalesOrders: components['schemas']["SalesOrderModel"]
  ServiceBundles: components['schemas']["ServiceBundleModel"]
  ServiceBundleServices: components['schemas']["ServiceBundleServiceModel"]
  ServiceCalls: components['schemas']["ServiceCallModel"]
  ServiceCallTaskResources: components['schemas']["ServiceCallTaskResourceModel"]
  ServiceCallTasks: components['schemas']["ServiceCallTaskModel"]
  ServiceCallTicketResources: components['schemas']["ServiceCallTicketResourceModel"]
  ServiceCallTickets: components['schemas']["ServiceCallTicketModel"]
  ServiceLevelAgreementResults: components['schemas']["ServiceLevelAgreementResultsModel"]
  Services: components['schemas']["ServiceModel"]
  ShippingTypes: components['schemas']["ShippingTypeModel"]
  Skills: components['schemas']["SkillModel"]
  SubscriptionPeriods: components['schemas']["SubscriptionPeriodModel"]
  Subscriptions: components['schemas']["SubscriptionModel"]
  SurveyResults: components['schemas']["SurveyResultsModel"]
  Surveys: components['schemas']["SurveyModel"]
  TagAliases: components['schemas']["TagAliasModel"]
  TagGroups: components['schemas']["TagGroupModel"]
  Tags: components['schemas']["TagModel"]
  TaskAttachments: components['schemas']["TaskAttachmentModel"]
  TaskNoteAttachments: components['schemas']["TaskNoteAttachmentModel"]
  TaskNotes: components['schemas']["TaskNoteModel"]
  TaskPredecessors: components['schemas']["TaskPredecessorModel"]
  Tasks: components['schemas']["TaskModel"]
  TaskSecondaryResources: components['schemas']["TaskSecondaryResourceModel"]
  TaxCategories: components['schemas']["TaxCategoryModel"]
  Taxes: components['schemas']["TaxModel"]
  TaxRegions: components['schemas']["TaxRegionModel"]
  TicketAdditionalConfigurationItems: components['schemas']["TicketAdditionalConfigurationItemModel"]
  TicketAdditionalContacts: components['schemas']["TicketAdditionalContactModel"]
  TicketAttachments: components['schemas']["TicketAttachmentModel"]
  TicketCategories: components['schemas']["TicketCategoryModel"]
  TicketCategoryFieldDefaults: components['schemas']["TicketCategoryFieldDefaultsModel"]
  TicketChangeRequestApprovals: components['schemas']["TicketChangeRequestApprovalModel"]
  TicketCharges: components['schemas']["TicketChargeModel"]
  TicketChecklistItems: components['schemas']["TicketChecklistItemModel"]
  TicketChecklistLibraries: components['schemas']["TicketChecklistLibraryModel"]
  TicketHistory: components['schemas']["TicketHistoryModel"]
  TicketNoteAttachments: components['schemas']["TicketNoteAttachmentModel"]
  TicketNotes: components['schemas']["TicketNoteModel"]
  TicketNoteWebhookExcludedResources: components['schemas']["TicketNoteWebhookExcludedResourceModel"]
  TicketNoteWebhookFields: components['schemas']["TicketNoteWebhookFieldModel"]
  TicketNoteWebhooks: components['schemas']["TicketNoteWebhookModel"]
  TicketRmaCredits: components['schemas']["TicketRmaCreditModel"]
  Tickets: components['schemas']["TicketModel"]
  TicketSecondaryResources: components['schemas']["TicketSecondaryResourceModel"]
  TicketTagAssociations: components['schemas']["TicketTagAssociationModel"]
  TicketWebhookExcludedResources: components['schemas']["TicketWebhookExcludedResourceModel"]
  TicketWebhookFields: components['schemas']["TicketWebhookFieldModel"]
  TicketWebhooks: components['schemas']["TicketWebhookModel"]
  TicketWebhookUdfFields: components['schemas']["TicketWebhookUdfFieldModel"]
  TimeEntries: components['schemas']["TimeEntryModel"]
  TimeEntryAttachments: components['schemas']["TimeEntryAttachmentModel"]
  TimeOffRequests: components['schemas']["TimeOffRequestModel"]
  UserDefinedFieldDefinitions: components['schemas']["UserDefinedFieldDefinitionModel"]
  UserDefinedFieldListItems: components['schemas']["UserDefinedFieldListItemModel"]
  WebhookEventErrorLogs: components['schemas']["WebhookEventErrorLogModel"]
  WorkTypeModifiers: components['schemas']["WorkTypeModifierModel"]
}

/** An entity of the Autotask REST API. */
export type AutotaskEntityName = keyof AutotaskEntityModels

/** Operations on an entity's own URL, `/V1.0/{Entity}`. */
export type AutotaskRootOperation = 'query' | 'count' | 'get' | 'create' | 'update' | 'replace' | 'delete'

/** Operations on a child entity's URL under its parent, `/V1.0/{Parent}/{parentId}/{Segment}`. */
export type AutotaskChildOperation = 'list' | 'get' | 'create' | 'update' | 'replace' | 'delete'

/** Where an entity lives: its own URL, and for child entities the parent URL writes go through. */
export interface AutotaskEntityRoute {
  readonly root: readonly AutotaskRootOperation[]
  readonly parent?: { readonly entity: string; readonly segment: string; readonly operations: readonly AutotaskChildOperation[] }
}

/** The routes of every entity, as the spec declares them. */
export const autotaskEntityRoutes: { readonly [Name in AutotaskEntityName]: AutotaskEntityRoute } = {
  ActionTypes: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  AdditionalInvoiceFieldValues: { root: ["query", "count", "get"] },
  Appointments: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  ArticleAttachments: { root: ["query", "count", "get"], parent: { entity: "KnowledgeBaseArticles", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  ArticleConfigurationItemCategoryAssociations: { root: ["query", "count", "get"], parent: { entity: "KnowledgeBaseArticles", segment: "ConfigurationItemCategoryAssociations", operations: ["list", "get", "create", "delete"] } },
  ArticleNotes: { root: ["query", "count", "get"], parent: { entity: "KnowledgeBaseArticles", segment: "Notes", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  ArticlePlainTextContent: { root: ["query", "count", "get"], parent: { entity: "KnowledgeBaseArticles", segment: "PlainTextContent", operations: ["list", "get", "update", "replace"] } },
  ArticleTagAssociations: { root: ["query", "count", "get"], parent: { entity: "KnowledgeBaseArticles", segment: "TagAssociations", operations: ["list", "get", "create", "delete"] } },
  ArticleTicketAssociations: { root: ["query", "count", "get"], parent: { entity: "KnowledgeBaseArticles", segment: "TicketAssociations", operations: ["list", "get", "create", "delete"] } },
  ArticleToArticleAssociations: { root: ["query", "count", "get"], parent: { entity: "KnowledgeBaseArticles", segment: "ArticleAssociations", operations: ["list", "get", "create", "delete"] } },
  ArticleToDocumentAssociations: { root: ["query", "count", "get"], parent: { entity: "KnowledgeBaseArticles", segment: "DocumentAssociations", operations: ["list", "get", "create", "delete"] } },
  AttachmentInfo: { root: ["query", "count", "get"] },
  BillingCodes: { root: ["query", "count", "get"] },
  BillingItemApprovalLevels: { root: ["query", "count", "get", "create"] },
  BillingItems: { root: ["query", "count", "get", "update", "replace"] },
  ChangeOrderCharges: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  ChangeRequestLinks: { root: ["query", "count", "get", "create", "delete"] },
  ChecklistLibraries: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  ChecklistLibraryChecklistItems: { root: ["query", "count", "get"], parent: { entity: "ChecklistLibraries", segment: "ChecklistItems", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  ClassificationIcons: { root: ["query", "count", "get"] },
  ClientPortalUsers: { root: ["query", "count", "get", "create", "update", "replace"] },
  ComanagedAssociations: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  Companies: { root: ["query", "count", "get", "create", "update", "replace"] },
  CompanyAlerts: { root: ["query", "count", "get"], parent: { entity: "Companies", segment: "Alerts", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  CompanyAttachments: { root: ["query", "count", "get"], parent: { entity: "Companies", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  CompanyCategories: { root: ["query", "count", "get", "update", "replace"] },
  CompanyLocations: { root: ["query", "count", "get"], parent: { entity: "Companies", segment: "Locations", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  CompanyNoteAttachments: { root: ["query", "count", "get"], parent: { entity: "CompanyNotes", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  CompanyNotes: { root: ["query", "count", "get"], parent: { entity: "Companies", segment: "Notes", operations: ["list", "get", "create", "update", "replace"] } },
  CompanySiteConfigurations: { root: ["query", "count", "get"], parent: { entity: "Companies", segment: "SiteConfigurations", operations: ["list", "get", "update", "replace"] } },
  CompanyTeams: { root: ["query", "count", "get"], parent: { entity: "Companies", segment: "Teams", operations: ["list", "get", "create", "delete"] } },
  CompanyToDos: { root: ["query", "count", "get"], parent: { entity: "Companies", segment: "ToDos", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  CompanyWebhookExcludedResources: { root: ["query", "count", "get"], parent: { entity: "CompanyWebhooks", segment: "ExcludedResources", operations: ["list", "get", "create", "delete"] } },
  CompanyWebhookFields: { root: ["query", "count", "get"], parent: { entity: "CompanyWebhooks", segment: "Fields", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  CompanyWebhooks: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  CompanyWebhookUdfFields: { root: ["query", "count", "get"], parent: { entity: "CompanyWebhooks", segment: "UdfFields", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  ConfigurationItemAttachments: { root: ["query", "count", "get"], parent: { entity: "ConfigurationItems", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  ConfigurationItemBillingProductAssociations: { root: ["query", "count", "get"], parent: { entity: "ConfigurationItems", segment: "BillingProductAssociations", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  ConfigurationItemCategories: { root: ["query", "count", "get", "create", "update", "replace"] },
  ConfigurationItemCategoryUdfAssociations: { root: ["query", "count", "get"], parent: { entity: "ConfigurationItemCategories", segment: "UdfAssociations", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  ConfigurationItemDnsRecords: { root: ["query", "count", "get"], parent: { entity: "ConfigurationItems", segment: "DnsRecords", operations: ["list", "get", "delete"] } },
  ConfigurationItemNoteAttachments: { root: ["query", "count", "get"], parent: { entity: "ConfigurationItemNotes", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  ConfigurationItemNotes: { root: ["query", "count", "get"], parent: { entity: "ConfigurationItems", segment: "Notes", operations: ["list", "get", "create", "update", "replace"] } },
  ConfigurationItemRelatedItems: { root: ["query", "count", "get"], parent: { entity: "ConfigurationItems", segment: "RelatedItems", operations: ["list", "get", "create", "delete"] } },
  ConfigurationItems: { root: ["query", "count", "get", "create", "update", "replace"] },
  ConfigurationItemSslSubjectAlternativeNames: { root: ["query", "count", "get"], parent: { entity: "ConfigurationItems", segment: "SslSubjectAlternativeNames", operations: ["list", "get", "delete"] } },
  ConfigurationItemTypes: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  ConfigurationItemWebhookExcludedResources: { root: ["query", "count", "get"], parent: { entity: "ConfigurationItemWebhooks", segment: "ExcludedResources", operations: ["list", "get", "create", "delete"] } },
  ConfigurationItemWebhookFields: { root: ["query", "count", "get"], parent: { entity: "ConfigurationItemWebhooks", segment: "Fields", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  ConfigurationItemWebhooks: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  ConfigurationItemWebhookUdfFields: { root: ["query", "count", "get"], parent: { entity: "ConfigurationItemWebhooks", segment: "UdfFields", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  ContactBillingProductAssociations: { root: ["query", "count", "get"], parent: { entity: "Contacts", segment: "BillingProductAssociations", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  ContactGroupContacts: { root: ["query", "count", "get"], parent: { entity: "ContactGroups", segment: "Contacts", operations: ["list", "get", "create", "delete"] } },
  ContactGroups: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  Contacts: { root: ["query", "count", "get"], parent: { entity: "Companies", segment: "Contacts", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  ContactWebhookExcludedResources: { root: ["query", "count", "get"], parent: { entity: "ContactWebhooks", segment: "ExcludedResources", operations: ["list", "get", "create", "delete"] } },
  ContactWebhookFields: { root: ["query", "count", "get"], parent: { entity: "ContactWebhooks", segment: "Fields", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  ContactWebhooks: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  ContactWebhookUdfFields: { root: ["query", "count", "get"], parent: { entity: "ContactWebhooks", segment: "UdfFields", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  ContractBillingRules: { root: ["query", "count", "get"], parent: { entity: "Contracts", segment: "BillingRules", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  ContractBlockHourFactors: { root: ["query", "count", "get"], parent: { entity: "Contracts", segment: "BlockHourFactors", operations: ["list", "get", "create", "update", "replace"] } },
  ContractBlocks: { root: ["query", "count", "get"], parent: { entity: "Contracts", segment: "Blocks", operations: ["list", "get", "create", "update", "replace"] } },
  ContractCharges: { root: ["query", "count", "get"], parent: { entity: "Contracts", segment: "Charges", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  ContractExclusionBillingCodes: { root: ["query", "count", "get"], parent: { entity: "Contracts", segment: "ExclusionBillingCodes", operations: ["list", "get", "create", "delete"] } },
  ContractExclusionRoles: { root: ["query", "count", "get"], parent: { entity: "Contracts", segment: "ExclusionRoles", operations: ["list", "get", "create", "delete"] } },
  ContractExclusionSetExcludedRoles: { root: ["query", "count", "get"], parent: { entity: "ContractExclusionSets", segment: "ExcludedRoles", operations: ["list", "get", "create", "delete"] } },
  ContractExclusionSetExcludedWorkTypes: { root: ["query", "count", "get"], parent: { entity: "ContractExclusionSets", segment: "ExcludedWorkTypes", operations: ["list", "get", "create", "delete"] } },
  ContractExclusionSets: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  ContractMilestones: { root: ["query", "count", "get"], parent: { entity: "Contracts", segment: "Milestones", operations: ["list", "get", "create", "update", "replace"] } },
  ContractNoteAttachments: { root: ["query", "count", "get"], parent: { entity: "ContractNotes", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  ContractNotes: { root: ["query", "count", "get"], parent: { entity: "Contracts", segment: "Notes", operations: ["list", "get", "create", "update", "replace"] } },
  ContractRates: { root: ["query", "count", "get"], parent: { entity: "Contracts", segment: "Rates", operations: ["list", "get", "create", "update", "replace"] } },
  ContractRetainers: { root: ["query", "count", "get"], parent: { entity: "Contracts", segment: "Retainers", operations: ["list", "get", "create", "update", "replace"] } },
  ContractRoleCosts: { root: ["query", "count", "get"], parent: { entity: "Contracts", segment: "RoleCosts", operations: ["list", "get", "create", "update", "replace"] } },
  Contracts: { root: ["query", "count", "get", "create", "update", "replace"] },
  ContractServiceAdjustments: { root: ["create"], parent: { entity: "Contracts", segment: "ServiceAdjustments", operations: ["create"] } },
  ContractServiceBundleAdjustments: { root: ["create"], parent: { entity: "Contracts", segment: "ServiceBundleAdjustments", operations: ["create"] } },
  ContractServiceBundles: { root: ["query", "count", "get"], parent: { entity: "Contracts", segment: "ServiceBundles", operations: ["list", "get", "create", "update", "replace"] } },
  ContractServiceBundleUnits: { root: ["query", "count", "get"], parent: { entity: "Contracts", segment: "ServiceBundleUnits", operations: ["list", "get"] } },
  ContractServices: { root: ["query", "count", "get"], parent: { entity: "Contracts", segment: "Services", operations: ["list", "get", "create", "update", "replace"] } },
  ContractServiceUnits: { root: ["query", "count", "get"], parent: { entity: "Contracts", segment: "ServiceUnits", operations: ["list", "get"] } },
  ContractTicketPurchases: { root: ["query", "count", "get"], parent: { entity: "Contracts", segment: "TicketPurchases", operations: ["list", "get", "create", "update", "replace"] } },
  Countries: { root: ["query", "count", "get", "update", "replace"] },
  Currencies: { root: ["query", "count", "get", "update", "replace"] },
  DeletedTaskActivityLogs: { root: ["query", "count", "get"] },
  DeletedTicketActivityLogs: { root: ["query", "count", "get"] },
  DeletedTicketLogs: { root: ["query", "count", "get"] },
  Departments: { root: ["query", "count", "get", "create", "update", "replace"] },
  DocumentAttachments: { root: ["query", "count", "get"], parent: { entity: "Documents", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  DocumentCategories: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  DocumentChecklistItems: { root: ["query", "count", "get"], parent: { entity: "Documents", segment: "ChecklistItems", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  DocumentChecklistLibraries: { root: ["create"], parent: { entity: "Documents", segment: "ChecklistLibraries", operations: ["create"] } },
  DocumentConfigurationItemAssociations: { root: ["query", "count", "get"], parent: { entity: "Documents", segment: "ConfigurationItemAssociations", operations: ["list", "get", "create", "delete"] } },
  DocumentConfigurationItemCategoryAssociations: { root: ["query", "count", "get"], parent: { entity: "Documents", segment: "ConfigurationItemCategoryAssociations", operations: ["list", "get", "create", "delete"] } },
  DocumentNotes: { root: ["query", "count", "get"], parent: { entity: "Documents", segment: "Notes", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  DocumentPlainTextContent: { root: ["query", "count", "get"], parent: { entity: "Documents", segment: "PlainTextContent", operations: ["list", "get", "update", "replace"] } },
  Documents: { root: ["query", "count", "get"], parent: { entity: "DocumentCategories", segment: "Documents", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  DocumentTagAssociations: { root: ["query", "count", "get"], parent: { entity: "Documents", segment: "TagAssociations", operations: ["list", "get", "create", "delete"] } },
  DocumentTicketAssociations: { root: ["query", "count", "get"], parent: { entity: "Documents", segment: "TicketAssociations", operations: ["list", "get", "create", "delete"] } },
  DocumentToArticleAssociations: { root: ["query", "count", "get"], parent: { entity: "Documents", segment: "ArticleAssociations", operations: ["list", "get", "create", "delete"] } },
  DocumentToDocumentAssociations: { root: ["query", "count", "get"], parent: { entity: "Documents", segment: "DocumentAssociations", operations: ["list", "get", "create", "delete"] } },
  DomainRegistrars: { root: ["query", "count", "get", "create", "update", "replace"] },
  ExpenseItemAttachments: { root: ["query", "count", "get"], parent: { entity: "ExpenseItems", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  ExpenseItems: { root: ["query", "count", "get"], parent: { entity: "Expenses", segment: "Items", operations: ["list", "get", "create", "update", "replace"] } },
  ExpenseReportAttachments: { root: ["query", "count", "get"], parent: { entity: "ExpenseReports", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  ExpenseReports: { root: ["query", "count", "get", "create", "update", "replace"] },
  Holidays: { root: ["query", "count", "get"], parent: { entity: "HolidaySets", segment: "Holidays", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  HolidaySets: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  IntegrationVendorInsights: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  IntegrationVendorWidgets: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  InternalLocations: { root: ["query", "count", "get"] },
  InternalLocationWithBusinessHours: { root: ["query", "count", "get", "create", "update", "replace"] },
  InventoryItems: { root: ["query", "count", "get", "create", "update", "replace"] },
  InventoryItemSerialNumbers: { root: ["query", "count", "get"], parent: { entity: "InventoryItems", segment: "SerialNumbers", operations: ["list", "get", "create", "update", "replace"] } },
  InventoryLocations: { root: ["query", "count", "get", "create", "update", "replace"] },
  InventoryProducts: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  InventoryStockedItems: { root: ["query", "count", "get"], parent: { entity: "InventoryProducts", segment: "StockedItems", operations: ["list", "get", "update", "replace"] } },
  InventoryStockedItemsAdd: { root: [], parent: { entity: "InventoryProducts", segment: "StockedItemsAdd", operations: ["create"] } },
  InventoryStockedItemsRemove: { root: [], parent: { entity: "InventoryProducts", segment: "StockedItemsRemove", operations: ["create"] } },
  InventoryStockedItemsTransfer: { root: [], parent: { entity: "InventoryProducts", segment: "StockedItemsTransfer", operations: ["create"] } },
  InventoryTransfers: { root: ["query", "count", "get", "create"] },
  Invoices: { root: ["query", "count", "get", "update", "replace"] },
  InvoiceTemplates: { root: ["query", "count", "get"] },
  KnowledgeBaseArticles: { root: ["query", "count", "get"], parent: { entity: "KnowledgeBaseCategories", segment: "KnowledgeBaseArticles", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  KnowledgeBaseCategories: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  NotificationHistory: { root: ["query", "count", "get"] },
  Opportunities: { root: ["query", "count", "get", "create", "update", "replace"] },
  OpportunityAttachments: { root: ["query", "count", "get"], parent: { entity: "Opportunities", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  OrganizationalLevel1s: { root: ["query", "count", "get", "create", "update", "replace"] },
  OrganizationalLevel2s: { root: ["query", "count", "get", "create", "update", "replace"] },
  OrganizationalLevelAssociations: { root: ["query", "count", "get", "create", "update", "replace"] },
  OrganizationalResources: { root: ["query", "count", "get"], parent: { entity: "OrganizationalLevelAssociations", segment: "Resources", operations: ["list", "get"] } },
  PaymentTerms: { root: ["query", "count", "get", "create", "update", "replace"] },
  Phases: { root: ["query", "count", "get"], parent: { entity: "Projects", segment: "Phases", operations: ["list", "get", "create", "update", "replace"] } },
  PriceListMaterialCodes: { root: ["query", "count", "get", "update", "replace"] },
  PriceListProducts: { root: ["query", "count", "get", "update", "replace"] },
  PriceListProductTiers: { root: ["query", "count", "get", "update", "replace"] },
  PriceListRoles: { root: ["query", "count", "get", "update", "replace"] },
  PriceListServiceBundles: { root: ["query", "count", "get", "update", "replace"] },
  PriceListServices: { root: ["query", "count", "get", "update", "replace"] },
  PriceListWorkTypeModifiers: { root: ["query", "count", "get", "update", "replace"] },
  ProductNotes: { root: ["query", "count", "get"], parent: { entity: "Products", segment: "Notes", operations: ["list", "get", "create", "update", "replace"] } },
  Products: { root: ["query", "count", "get", "create", "update", "replace"] },
  ProductTiers: { root: ["query", "count", "get"], parent: { entity: "Products", segment: "Tiers", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  ProductVendors: { root: ["query", "count", "get"], parent: { entity: "Products", segment: "Vendors", operations: ["list", "get", "create", "update", "replace"] } },
  ProjectAttachments: { root: ["query", "count", "get"], parent: { entity: "Projects", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  ProjectCharges: { root: ["query", "count", "get"], parent: { entity: "Projects", segment: "Charges", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  ProjectNoteAttachments: { root: ["query", "count", "get"], parent: { entity: "ProjectNotes", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  ProjectNotes: { root: ["query", "count", "get"], parent: { entity: "Projects", segment: "Notes", operations: ["list", "get", "create", "update", "replace"] } },
  Projects: { root: ["query", "count", "get", "create", "update", "replace"] },
  PurchaseApprovals: { root: ["query", "count", "get", "update", "replace"] },
  PurchaseOrderItemReceiving: { root: ["query", "count", "get"], parent: { entity: "PurchaseOrderItems", segment: "Receiving", operations: ["list", "get", "create"] } },
  PurchaseOrderItems: { root: ["query", "count", "get"], parent: { entity: "PurchaseOrders", segment: "Items", operations: ["list", "get", "create", "update", "replace"] } },
  PurchaseOrders: { root: ["query", "count", "get", "create", "update", "replace"] },
  QuoteItems: { root: ["query", "count", "get"], parent: { entity: "Quotes", segment: "Items", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  QuoteLocations: { root: ["query", "count", "get", "create", "update", "replace"] },
  Quotes: { root: ["query", "count", "get", "create", "update", "replace"] },
  QuoteTemplates: { root: ["query", "count", "get"] },
  ResourceAttachments: { root: ["query", "count", "get"], parent: { entity: "Resources", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  ResourceRoleDepartments: { root: ["query", "count", "get"], parent: { entity: "Resources", segment: "RoleDepartments", operations: ["list", "get", "create", "update", "replace"] } },
  ResourceRoleQueues: { root: ["query", "count", "get"], parent: { entity: "Resources", segment: "RoleQueues", operations: ["list", "get", "create", "update", "replace"] } },
  ResourceRoles: { root: ["query", "count", "get"], parent: { entity: "Resources", segment: "Roles", operations: ["list", "get"] } },
  Resources: { root: ["query", "count", "get", "update", "replace"] },
  ResourceServiceDeskRoles: { root: ["query", "count", "get"], parent: { entity: "Resources", segment: "ServiceDeskRoles", operations: ["list", "get", "create", "update", "replace"] } },
  ResourceSkills: { root: ["query", "count", "get"], parent: { entity: "Resources", segment: "Skills", operations: ["list", "get", "update", "replace"] } },
  Roles: { root: ["query", "count", "get", "create", "update", "replace"] },
  SalesOrderAttachments: { root: ["query", "count", "get"], parent: { entity: "SalesOrders", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  SalesOrders: { root: ["query", "count", "get", "update", "replace"], parent: { entity: "Opportunities", segment: "SalesOrders", operations: ["list", "get", "update", "replace"] } },
  ServiceBundles: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  ServiceBundleServices: { root: ["query", "count", "get"], parent: { entity: "ServiceBundles", segment: "Services", operations: ["list", "get", "create", "delete"] } },
  ServiceCalls: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  ServiceCallTaskResources: { root: ["query", "count", "get"], parent: { entity: "ServiceCallTasks", segment: "Resources", operations: ["list", "get", "create", "delete"] } },
  ServiceCallTasks: { root: ["query", "count", "get"], parent: { entity: "ServiceCalls", segment: "Tasks", operations: ["list", "get", "create", "delete"] } },
  ServiceCallTicketResources: { root: ["query", "count", "get"], parent: { entity: "ServiceCallTickets", segment: "Resources", operations: ["list", "get", "create", "delete"] } },
  ServiceCallTickets: { root: ["query", "count", "get"], parent: { entity: "ServiceCalls", segment: "Tickets", operations: ["list", "get", "create", "delete"] } },
  ServiceLevelAgreementResults: { root: ["query", "count", "get"], parent: { entity: "ServiceLevelAgreements", segment: "Results", operations: ["list", "get"] } },
  Services: { root: ["query", "count", "get", "create", "update", "replace"] },
  ShippingTypes: { root: ["query", "count", "get"] },
  Skills: { root: ["query", "count", "get"] },
  SubscriptionPeriods: { root: ["query", "count", "get"], parent: { entity: "Subscriptions", segment: "Periods", operations: ["list", "get"] } },
  Subscriptions: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  SurveyResults: { root: ["query", "count", "get"] },
  Surveys: { root: ["query", "count", "get"] },
  TagAliases: { root: ["query", "count", "get"], parent: { entity: "Tags", segment: "Aliases", operations: ["list", "get", "create", "delete"] } },
  TagGroups: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  Tags: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  TaskAttachments: { root: ["query", "count", "get"], parent: { entity: "Tasks", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  TaskNoteAttachments: { root: ["query", "count", "get"], parent: { entity: "TaskNotes", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  TaskNotes: { root: ["query", "count", "get", "create", "update", "replace"], parent: { entity: "Tasks", segment: "Notes", operations: ["list", "get", "create", "update", "replace"] } },
  TaskPredecessors: { root: ["query", "count", "get"], parent: { entity: "Tasks", segment: "Predecessors", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  Tasks: { root: ["query", "count", "get"], parent: { entity: "Projects", segment: "Tasks", operations: ["list", "get", "create", "update", "replace"] } },
  TaskSecondaryResources: { root: ["query", "count", "get"], parent: { entity: "Tasks", segment: "SecondaryResources", operations: ["list", "get", "create", "delete"] } },
  TaxCategories: { root: ["query", "count", "get", "create", "update", "replace"] },
  Taxes: { root: ["query", "count", "get", "create", "update", "replace"] },
  TaxRegions: { root: ["query", "count", "get", "create", "update", "replace"] },
  TicketAdditionalConfigurationItems: { root: ["query", "count", "get"], parent: { entity: "Tickets", segment: "AdditionalConfigurationItems", operations: ["list", "get", "create", "delete"] } },
  TicketAdditionalContacts: { root: ["query", "count", "get"], parent: { entity: "Tickets", segment: "AdditionalContacts", operations: ["list", "get", "create", "delete"] } },
  TicketAttachments: { root: ["query", "count", "get"], parent: { entity: "Tickets", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  TicketCategories: { root: ["query", "count", "get", "update", "replace"] },
  TicketCategoryFieldDefaults: { root: ["query", "count", "get"], parent: { entity: "TicketCategories", segment: "FieldDefaults", operations: ["list", "get"] } },
  TicketChangeRequestApprovals: { root: ["query", "count", "get"], parent: { entity: "Tickets", segment: "ChangeRequestApprovals", operations: ["list", "get", "create", "delete"] } },
  TicketCharges: { root: ["query", "count", "get"], parent: { entity: "Tickets", segment: "Charges", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  TicketChecklistItems: { root: ["query", "count", "get"], parent: { entity: "Tickets", segment: "ChecklistItems", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  TicketChecklistLibraries: { root: ["create"], parent: { entity: "Tickets", segment: "ChecklistLibraries", operations: ["create"] } },
  TicketHistory: { root: ["query", "count", "get"] },
  TicketNoteAttachments: { root: ["query", "count", "get"], parent: { entity: "TicketNotes", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  TicketNotes: { root: ["query", "count", "get"], parent: { entity: "Tickets", segment: "Notes", operations: ["list", "get", "create", "update", "replace"] } },
  TicketNoteWebhookExcludedResources: { root: ["query", "count", "get"], parent: { entity: "TicketNoteWebhooks", segment: "ExcludedResources", operations: ["list", "get", "create", "delete"] } },
  TicketNoteWebhookFields: { root: ["query", "count", "get"], parent: { entity: "TicketNoteWebhooks", segment: "Fields", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  TicketNoteWebhooks: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  TicketRmaCredits: { root: ["query", "count", "get"], parent: { entity: "Tickets", segment: "RmaCredits", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  Tickets: { root: ["query", "count", "get", "create", "update", "replace"] },
  TicketSecondaryResources: { root: ["query", "count", "get"], parent: { entity: "Tickets", segment: "SecondaryResources", operations: ["list", "get", "create", "delete"] } },
  TicketTagAssociations: { root: ["query", "count", "get"], parent: { entity: "Tickets", segment: "TagAssociations", operations: ["list", "get", "create", "delete"] } },
  TicketWebhookExcludedResources: { root: ["query", "count", "get"], parent: { entity: "TicketWebhooks", segment: "ExcludedResources", operations: ["list", "get", "create", "delete"] } },
  TicketWebhookFields: { root: ["query", "count", "get"], parent: { entity: "TicketWebhooks", segment: "Fields", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  TicketWebhooks: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  TicketWebhookUdfFields: { root: ["query", "count", "get"], parent: { entity: "TicketWebhooks", segment: "UdfFields", operations: ["list", "get", "create", "update", "replace", "delete"] } },
  TimeEntries: { root: ["query", "count", "get", "create", "update", "replace", "delete"] },
  TimeEntryAttachments: { root: ["query", "count", "get"], parent: { entity: "TimeEntries", segment: "Attachments", operations: ["list", "get", "create", "delete"] } },
  TimeOffRequests: { root: ["query", "count", "get"], parent: { entity: "Resources", segment: "TimeOffRequests", operations: ["list", "get", "create", "update", "replace"] } },
  UserDefinedFieldDefinitions: { root: ["query", "count", "get", "create", "update", "replace"] },
  UserDefinedFieldListItems: { root: ["query", "count", "get"], parent: { entity: "UserDefinedFields", segment: "ListItems", operations: ["list", "get", "create", "update", "replace"] } },
  WebhookEventErrorLogs: { root: ["query", "count", "get", "delete"] },
  WorkTypeModifiers: { root: ["query", "count", "get", "update", "replace"] },
}

/** The fields of a query body (`QueryModel`): the keys a query object may have. */
export const autotaskQueryModelFields = ["maxRecords", "includeFields", "filter"] as const
