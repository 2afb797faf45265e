/*
 * generated — do not edit; regenerate with `pnpm --filter @ticketbridge/halo generate`
 *
 * What each operation of Halo's API answers, derived from ../../../shared/vendor-specs/halo/swagger.json by
 * src/spec/build-halo-response-map.ts (the spec documents no response bodies): a collection's
 * POST body names its resource schema (`POST /Tickets` takes `Faults[]`, so `GET /Tickets/{id}`
 * answers `Faults`), a GET's summary names it where no POST does, and the list wrappers and
 * `me` paths come from practice (src/spec/halo-response-extras.ts). 602 operations are typed;
 * 614 stay `unknown` (deletes, paged lists whose key no source names, paths without a schema).
 */
/* eslint-disable */
import type { components } from './halo-openapi'

type Schemas = components['schemas']

/** A list Halo wraps (halo.md §3.2): the count of every match, and this page's rows under `Key` (left out when none match). */
export type HaloWrappedList<Key extends string, Row, Extra = unknown> = { record_count: number; page_no?: number; page_size?: number } & {
  [Name in Key]?: Row[]
} & Extra

/** What a POST upsert answers (halo.md §3.1): the saved record for a one-record array, the saved records for more. */
export type HaloUpserted<Row> = Row | Row[]

/** `Actions` as Halo answers it: the spec's schema and the fields Halo adds without declaring them. */
type HaloAnsweredActions = Schemas["Actions"] & { who?: string | null }

/** What each operation answers, by path template and method. */
export interface HaloResponses {
  "/AISuggestion": { get: Schemas["AiSuggestion"][]; post: HaloUpserted<Schemas["AiSuggestion"]> }
  "/AISuggestion/{id}": { get: Schemas["AiSuggestion"]; delete: unknown }
  "/AWS/Get": { get: unknown }
  "/AWSDetails": { get: Schemas["AWSDetails"][]; post: HaloUpserted<Schemas["AWSDetails"]> }
  "/AWSDetails/{id}": { get: Schemas["AWSDetails"]; delete: unknown }
  "/Actions": { get: HaloWrappedList<"actions", HaloAnsweredActions>; post: HaloUpserted<HaloAnsweredActions> }
  "/Actions/Review": { post: unknown }
  "/Actions/reaction": { post: unknown }
  "/Actions/{id}": { get: HaloAnsweredActions; delete: unknown }
  "/Address": { get: Schemas["AddressStore"][]; post: HaloUpserted<Schemas["AddressStore"]> }
  "/Address/{id}": { get: Schemas["AddressStore"]; delete: unknown }
  "/Addressbook": { get: Schemas["Addressbook"][]; post: HaloUpserted<Schemas["Addressbook"]> }
  "/Addressbook/{id}": { get: Schemas["Addressbook"]; delete: unknown }
  "/AdobeAcrobatDetails": { get: Schemas["AdobeAcrobatDetails"][]; post: HaloUpserted<Schemas["AdobeAcrobatDetails"]> }
  "/AdobeAcrobatDetails/{id}": { get: Schemas["AdobeAcrobatDetails"]; delete: unknown }
  "/AdobeCommerceDetails": { get: Schemas["AdobeCommerceDetails"][]; post: HaloUpserted<Schemas["AdobeCommerceDetails"]> }
  "/AdobeCommerceDetails/{id}": { get: Schemas["AdobeCommerceDetails"]; delete: unknown }
  "/AdobeCommerceIntegration": { get: unknown }
  "/AdobeCommerceIntegration/auth": { post: unknown }
  "/Agent": { get: Schemas["Uname"][]; post: HaloUpserted<Schemas["Uname"]> }
  "/Agent/ClearCache": { post: unknown }
  "/Agent/me": { get: Schemas["Uname"] }
  "/Agent/{id}": { get: Schemas["Uname"]; delete: unknown }
  "/AgentCheckIn": { get: Schemas["AgentCheckIn"][]; post: HaloUpserted<Schemas["AgentCheckIn"]> }
  "/AgentCheckIn/{id}": { get: Schemas["AgentCheckIn"] }
  "/AgentImage/{id}": { get: unknown }
  "/AmazonSellerDetails": { get: Schemas["AmazonSellerDetails"][]; post: HaloUpserted<Schemas["AmazonSellerDetails"]> }
  "/AmazonSellerDetails/{id}": { get: Schemas["AmazonSellerDetails"]; delete: unknown }
  "/Application": { get: Schemas["NHD_Identity_Application"][]; post: HaloUpserted<Schemas["NHD_Identity_Application"]> }
  "/Application/{id}": { get: Schemas["NHD_Identity_Application"]; delete: unknown }
  "/Appointment": { get: unknown; post: HaloUpserted<Schemas["Appointment"]> }
  "/Appointment/Booking": { get: unknown; post: unknown }
  "/Appointment/Generate": { post: unknown }
  "/Appointment/{id}": { get: Schemas["Appointment"]; delete: unknown }
  "/ApprovalProcess": { get: Schemas["ApprovalProcess"][]; post: HaloUpserted<Schemas["ApprovalProcess"]> }
  "/ApprovalProcess/{id}": { get: Schemas["ApprovalProcess"]; delete: unknown }
  "/ApprovalProcessRule": { get: Schemas["ApprovalProcessRule"][]; post: HaloUpserted<Schemas["ApprovalProcessRule"]> }
  "/ApprovalProcessRule/{id}": { get: Schemas["ApprovalProcessRule"]; delete: unknown }
  "/ApprovalStore": { post: unknown }
  "/AreaAzureTenant": { get: Schemas["AreaAzureTenant"][] }
  "/AreaRequestType": { get: unknown }
  "/AreaRequestType/{id}": { get: Schemas["AreaRequestType"] }
  "/Asset": { get: HaloWrappedList<"assets", Schemas["Device"]>; post: HaloUpserted<Schemas["Device"]> }
  "/Asset/GetAllSoftwareVersions": { get: unknown }
  "/Asset/NextTag": { get: unknown }
  "/Asset/{id}": { get: Schemas["Device"]; delete: unknown }
  "/AssetChange": { get: unknown; post: unknown }
  "/AssetGroup": { get: Schemas["Generic"][]; post: HaloUpserted<Schemas["Generic"]> }
  "/AssetGroup/{id}": { get: Schemas["Generic"]; delete: unknown }
  "/AssetSoftware": { get: Schemas["DeviceApplications"][] }
  "/AssetType": { get: Schemas["Xtype"][]; post: HaloUpserted<Schemas["Xtype"]> }
  "/AssetType/{id}": { get: Schemas["Xtype"]; delete: unknown }
  "/AssetTypeInfo": { get: Schemas["Xtype"][] }
  "/AssetTypeMappings": { get: unknown }
  "/AssetTypeMappings/{id}": { get: Schemas["XTypeMapping"] }
  "/Attachment": { get: Schemas["Attachment_View"]; post: HaloUpserted<Schemas["Attachment"]> }
  "/Attachment/GetS3PresignedURL": { post: unknown }
  "/Attachment/PresignedURLUploadComplete": { post: unknown }
  "/Attachment/document": { post: HaloUpserted<Schemas["Attachment"]> }
  "/Attachment/document/{id}": { get: Schemas["Attachment"]; delete: unknown }
  "/Attachment/image": { get: unknown; post: unknown }
  "/Attachment/image/{id}": { get: unknown; delete: unknown }
  "/Attachment/nhserver/{id}": { get: unknown }
  "/Attachment/{id}": { get: Schemas["Attachment"]; delete: unknown }
  "/Audit": { get: Schemas["Audit"][]; post: HaloUpserted<Schemas["Audit"]> }
  "/Audit/{id}": { get: Schemas["Audit"]; delete: unknown }
  "/AuthInfo": { get: unknown }
  "/Automation": { get: unknown; post: unknown }
  "/Automation/{id}": { get: unknown; delete: unknown }
  "/Automation/{runbookId}": { post: unknown }
  "/AvalaraDetails": { get: Schemas["AvalaraDetails"][]; post: HaloUpserted<Schemas["AvalaraDetails"]> }
  "/AvalaraDetails/{id}": { get: Schemas["AvalaraDetails"]; delete: unknown }
  "/AzureDevOpsDetails": { get: Schemas["AzureDevOpsDetails"][]; post: HaloUpserted<Schemas["AzureDevOpsDetails"]> }
  "/AzureDevOpsDetails/{id}": { get: Schemas["AzureDevOpsDetails"]; delete: unknown }
  "/BackgroundTask/{id}": { get: unknown }
  "/BillingTemplate": { get: Schemas["ContractTemplateHeader"][]; post: HaloUpserted<Schemas["ContractTemplateHeader"]> }
  "/BillingTemplate/{id}": { get: Schemas["ContractTemplateHeader"]; delete: unknown }
  "/BookingType": { get: Schemas["BookingType"][] }
  "/Bookmark": { post: unknown }
  "/Bookmark/{id}": { get: unknown }
  "/BudgetType": { get: Schemas["BudgetType"][]; post: HaloUpserted<Schemas["BudgetType"]> }
  "/BudgetType/{id}": { get: Schemas["BudgetType"]; delete: unknown }
  "/BulkEmail": { get: unknown }
  "/BulkEmail/{id}": { get: unknown }
  "/BusinessCentralDetails": { get: Schemas["BusinessCentralDetails"][]; post: HaloUpserted<Schemas["BusinessCentralDetails"]> }
  "/BusinessCentralDetails/{id}": { get: Schemas["BusinessCentralDetails"]; delete: unknown }
  "/CAB": { get: Schemas["CabHeader"][]; post: HaloUpserted<Schemas["CabHeader"]> }
  "/CAB/{id}": { get: Schemas["CabHeader"]; delete: unknown }
  "/CABMember": { get: unknown }
  "/CRMNote": { get: Schemas["AreaNote"][]; post: HaloUpserted<Schemas["AreaNote"]> }
  "/CRMNote/{id}": { get: Schemas["AreaNote"]; delete: unknown }
  "/CSVTemplate": { get: Schemas["CSVTemplate"][]; post: HaloUpserted<Schemas["CSVTemplate"]> }
  "/CSVTemplate/{id}": { get: Schemas["CSVTemplate"]; delete: unknown }
  "/CallLog": { get: Schemas["CallLog"][]; post: HaloUpserted<Schemas["CallLog"]> }
  "/CallLog/{id}": { get: Schemas["CallLog"] }
  "/CallScript": { get: Schemas["ScriptHeader"][]; post: HaloUpserted<Schemas["ScriptHeader"]> }
  "/CallScript/{id}": { get: Schemas["ScriptHeader"]; delete: unknown }
  "/CannedText": { get: Schemas["CannedText"][]; post: HaloUpserted<Schemas["CannedText"]> }
  "/CannedText/{id}": { get: Schemas["CannedText"]; delete: unknown }
  "/Category": { get: Schemas["CategoryDetail"][]; post: HaloUpserted<Schemas["CategoryDetail"]> }
  "/Category/{id}": { get: Schemas["CategoryDetail"]; delete: unknown }
  "/Certificate": { get: Schemas["Certificate"][]; post: HaloUpserted<Schemas["Certificate"]> }
  "/Certificate/{id}": { get: Schemas["Certificate"]; delete: unknown }
  "/ChangeCalendar": { get: unknown }
  "/ChargeRate": { get: Schemas["ChargeRate"][] }
  "/ChargeRate/{id}": { get: Schemas["ChargeRate"] }
  "/Chat": { get: unknown; post: unknown }
  "/Chat/{id}": { get: unknown }
  "/ChatFlow": { post: unknown }
  "/ChatMessage": { get: Schemas["LiveChatMsg"][]; post: unknown }
  "/ChatMessage/IsTyping": { post: unknown }
  "/ChatProfile": { get: Schemas["ChatProfile"][]; post: HaloUpserted<Schemas["ChatProfile"]> }
  "/ChatProfile/{id}": { get: Schemas["ChatProfile"]; delete: unknown }
  "/Client": { get: HaloWrappedList<"clients", Schemas["Area"]>; post: HaloUpserted<Schemas["Area"]> }
  "/Client/NewAccountsId": { post: unknown }
  "/Client/PaymentMethodUpdate": { post: unknown }
  "/Client/me": { get: Schemas["Area"] }
  "/Client/{id}": { get: Schemas["Area"]; delete: unknown }
  "/ClientCache": { get: unknown }
  "/ClientContract": { get: unknown; post: HaloUpserted<Schemas["ContractHeader"]> }
  "/ClientContract/NextRef": { post: unknown }
  "/ClientContract/{id}": { get: Schemas["ContractHeader"]; delete: unknown }
  "/ClientPrepay": { get: unknown; post: HaloUpserted<Schemas["PrepayHistory"]> }
  "/ClientPrepay/{id}": { get: Schemas["PrepayHistory"]; delete: unknown }
  "/ConfigCommit": { get: unknown; post: HaloUpserted<Schemas["ConfigCommit"]> }
  "/ConfigCommit/{id}": { get: Schemas["ConfigCommit"]; delete: unknown }
  "/ConfirmClosure": { get: Schemas["ConfirmClosure"][]; post: HaloUpserted<Schemas["ConfirmClosure"]> }
  "/ConfirmClosure/{id}": { get: Schemas["ConfirmClosure"]; delete: unknown }
  "/ConfluenceDetails": { get: Schemas["ConfluenceDetails"][]; post: HaloUpserted<Schemas["ConfluenceDetails"]> }
  "/ConfluenceDetails/{id}": { get: Schemas["ConfluenceDetails"]; delete: unknown }
  "/ConnectedInstance": { get: Schemas["ConnectedInstance"][]; post: HaloUpserted<Schemas["ConnectedInstance"]> }
  "/ConnectedInstance/{id}": { get: Schemas["ConnectedInstance"]; delete: unknown }
  "/Consignment": { get: unknown; post: HaloUpserted<Schemas["ConsignmentHeader"]> }
  "/Consignment/{id}": { get: Schemas["ConsignmentHeader"]; delete: unknown }
  "/Contactgroup": { get: Schemas["Contactgroup"][]; post: HaloUpserted<Schemas["Contactgroup"]> }
  "/Contactgroup/{id}": { get: Schemas["Contactgroup"]; delete: unknown }
  "/Contactgroupcontact": { get: Schemas["Contactgroupcontacts"][]; post: HaloUpserted<Schemas["Contactgroupcontacts"]> }
  "/Contactgroupcontact/{id}": { get: Schemas["Contactgroupcontacts"]; delete: unknown }
  "/ContractSchedule": { get: Schemas["ContractSchedule"][]; post: HaloUpserted<Schemas["ContractSchedule"]> }
  "/ContractSchedule/{id}": { get: Schemas["ContractSchedule"]; delete: unknown }
  "/ContractSchedulePlan": { get: Schemas["ContractSchedulePlan"][]; post: HaloUpserted<Schemas["ContractSchedulePlan"]> }
  "/ContractSchedulePlan/{id}": { get: Schemas["ContractSchedulePlan"]; delete: unknown }
  "/Control": { get: unknown; post: unknown }
  "/Control/ClearCache": { post: unknown }
  "/Control/Teams": { get: unknown }
  "/Control/UpdateEnc": { post: unknown }
  "/Control/setup": { post: unknown }
  "/CostCentres": { get: Schemas["Costcentres"][]; post: HaloUpserted<Schemas["Costcentres"]> }
  "/CostCentres/{id}": { get: Schemas["Costcentres"]; delete: unknown }
  "/Currency": { get: Schemas["Currency"][]; post: HaloUpserted<Schemas["Currency"]> }
  "/Currency/{id}": { get: Schemas["Currency"]; delete: unknown }
  "/CustomButton": { get: Schemas["CustomButton"][]; post: HaloUpserted<Schemas["CustomButton"]> }
  "/CustomButton/{id}": { get: Schemas["CustomButton"]; delete: unknown }
  "/CustomIntegration": { get: Schemas["OutboundIntegration"][]; post: HaloUpserted<Schemas["OutboundIntegration"]> }
  "/CustomIntegration/{id}": { get: Schemas["OutboundIntegration"]; delete: unknown }
  "/CustomIntegrationMethod": { get: unknown; post: HaloUpserted<Schemas["OutboundIntegrationMethod"]> }
  "/CustomIntegrationMethod/{id}": { get: Schemas["OutboundIntegrationMethod"]; delete: unknown }
  "/CustomIntegrationRepository": { get: unknown }
  "/CustomIntegrationRepository/{id}": { get: Schemas["OutboundIntegration"] }
  "/CustomTable": { get: Schemas["CustomTable"][]; post: HaloUpserted<Schemas["CustomTable"]> }
  "/CustomTable/{id}": { get: Schemas["CustomTable"]; delete: unknown }
  "/DashboardLinks": { get: unknown; post: HaloUpserted<Schemas["DashboardLinks"]> }
  "/DashboardLinks/FilterValues": { get: unknown }
  "/DashboardLinks/{id}": { get: Schemas["DashboardLinks"]; delete: unknown }
  "/DatabaseLookup": { get: Schemas["PartsLookup"][]; post: HaloUpserted<Schemas["PartsLookup"]> }
  "/DatabaseLookup/run": { post: unknown }
  "/DatabaseLookup/{id}": { get: Schemas["PartsLookup"]; delete: unknown }
  "/DatabaseLookupConfirmation": { post: HaloUpserted<Schemas["PartsLookupConfirmation"]> }
  "/DatabaseLookupConfirmation/{id}": { get: Schemas["PartsLookupConfirmation"] }
  "/DattoCommerceDetails": { get: Schemas["DattoCommerceDetails"][]; post: HaloUpserted<Schemas["DattoCommerceDetails"]> }
  "/DattoCommerceDetails/{id}": { get: Schemas["DattoCommerceDetails"]; delete: unknown }
  "/DeviceLicence": { get: unknown }
  "/DistributionLists": { get: Schemas["DistributionLists"][]; post: HaloUpserted<Schemas["DistributionLists"]> }
  "/DistributionLists/{id}": { get: Schemas["DistributionLists"]; delete: unknown }
  "/DistributionListsLog": { get: Schemas["DistributionListsLog"][]; post: HaloUpserted<Schemas["DistributionListsLog"]> }
  "/DistributionListsLog/{id}": { get: Schemas["DistributionListsLog"]; delete: unknown }
  "/DocumentCreation": { post: unknown }
  "/DynatraceDetails": { get: Schemas["DynatraceDetails"][]; post: HaloUpserted<Schemas["DynatraceDetails"]> }
  "/DynatraceDetails/{id}": { get: Schemas["DynatraceDetails"]; delete: unknown }
  "/EcommerceOrder": { get: Schemas["EcommerceOrder"][]; post: HaloUpserted<Schemas["EcommerceOrder"]> }
  "/EcommerceOrder/{id}": { get: Schemas["EcommerceOrder"]; delete: unknown }
  "/EmailAddressBook": { get: unknown }
  "/EmailRule": { get: Schemas["EmailRule"][]; post: HaloUpserted<Schemas["EmailRule"]> }
  "/EmailRule/{id}": { get: Schemas["EmailRule"]; delete: unknown }
  "/EmailStore": { get: Schemas["EmailStore"][]; post: HaloUpserted<Schemas["EmailStore"]> }
  "/EmailStore/{id}": { get: Schemas["EmailStore"]; delete: unknown }
  "/EmailTemplate": { get: Schemas["MessageContent"][]; post: HaloUpserted<Schemas["MessageContent"]> }
  "/EmailTemplate/{id}": { get: Schemas["MessageContent"]; delete: unknown }
  "/Event": { get: unknown; post: unknown }
  "/Event/{id}": { get: unknown; delete: unknown }
  "/ExactDetails": { get: Schemas["ExactDetails"][]; post: HaloUpserted<Schemas["ExactDetails"]> }
  "/ExactDetails/{id}": { get: Schemas["ExactDetails"]; delete: unknown }
  "/Example/Get": { get: unknown }
  "/ExternalChatMessage": { get: Schemas["TeamsChatMessage_List"][]; post: HaloUpserted<Schemas["TeamsChatMessage_List"]> }
  "/ExternalChatMessage/{id}": { get: Schemas["TeamsChatMessage_List"]; delete: unknown }
  "/ExternalLink": { get: unknown; post: HaloUpserted<Schemas["ExternalLink_List"]> }
  "/ExternalLink/Generate": { post: unknown }
  "/ExternalLink/{id}": { get: Schemas["ExternalLink_List"]; delete: unknown }
  "/FAQLists": { get: Schemas["FAQListHead"][]; post: HaloUpserted<Schemas["FAQListHead"]> }
  "/FAQLists/{id}": { get: Schemas["FAQListHead"]; delete: unknown }
  "/FacebookDetails": { get: Schemas["FacebookDetails"][]; post: HaloUpserted<Schemas["FacebookDetails"]> }
  "/FacebookDetails/{id}": { get: Schemas["FacebookDetails"]; delete: unknown }
  "/FaultViewLog": { get: unknown }
  "/FaultsForecasting": { post: HaloUpserted<Schemas["FaultsForecasting"]> }
  "/FaultsForecasting/{id}": { get: Schemas["FaultsForecasting"] }
  "/Features": { get: Schemas["ModuleSetup"][]; post: HaloUpserted<Schemas["ModuleSetup"]> }
  "/Features/{id}": { get: Schemas["ModuleSetup"] }
  "/Feed": { get: unknown }
  "/Feedback": { get: Schemas["Feedback"][]; post: HaloUpserted<Schemas["Feedback"]> }
  "/Feedback/{id}": { get: Schemas["Feedback"]; delete: unknown }
  "/Field": { get: Schemas["Field"][]; post: HaloUpserted<Schemas["Field"]> }
  "/Field/AddFieldToAll/{id}": { post: unknown }
  "/Field/{id}": { get: Schemas["Field"]; delete: unknown }
  "/FieldGroup": { get: Schemas["FieldGroup"][]; post: HaloUpserted<Schemas["FieldGroup"]> }
  "/FieldGroup/{id}": { get: Schemas["FieldGroup"]; delete: unknown }
  "/FieldInfo": { get: Schemas["FieldInfo"][]; post: HaloUpserted<Schemas["FieldInfo"]> }
  "/FieldInfo/{id}": { get: Schemas["FieldInfo"]; delete: unknown }
  "/FortnoxDetails": { get: Schemas["FortnoxDetails"][]; post: HaloUpserted<Schemas["FortnoxDetails"]> }
  "/FortnoxDetails/{id}": { get: Schemas["FortnoxDetails"]; delete: unknown }
  "/GoToResolve/Complete": { get: unknown }
  "/GoToResolve/Download": { get: unknown }
  "/GoogleBusinessDetails": { get: Schemas["GoogleBusinessDetails"][]; post: HaloUpserted<Schemas["GoogleBusinessDetails"]> }
  "/GoogleBusinessDetails/{id}": { get: Schemas["GoogleBusinessDetails"]; delete: unknown }
  "/HaloDeviceInfo": { post: HaloUpserted<Schemas["NHD_DeviceInfo"]> }
  "/HaloDeviceInfo/{id}": { get: Schemas["NHD_DeviceInfo"]; delete: unknown }
  "/HaloField": { get: unknown }
  "/HaloNews": { get: Schemas["HaloNews"][]; post: HaloUpserted<Schemas["HaloNews"]> }
  "/HaloNews/read": { post: unknown }
  "/HaloNews/{id}": { get: Schemas["HaloNews"]; delete: unknown }
  "/Health": { get: unknown }
  "/Holiday": { get: Schemas["Holidays"][]; post: HaloUpserted<Schemas["Holidays"]> }
  "/Holiday/{id}": { get: Schemas["Holidays"]; delete: unknown }
  "/ImpersonationRequest": { post: unknown }
  "/ImportCSV": { get: Schemas["ImportCsv"][]; post: HaloUpserted<Schemas["ImportCsv"]> }
  "/ImportCSV/{id}": { get: Schemas["ImportCsv"]; delete: unknown }
  "/IngramMicroDetails": { get: Schemas["IngramMicroDetails"][]; post: HaloUpserted<Schemas["IngramMicroDetails"]> }
  "/IngramMicroDetails/{id}": { get: Schemas["IngramMicroDetails"]; delete: unknown }
  "/IngramMicroResellerDetails": { get: Schemas["IngramMicroResellerDetails"][]; post: HaloUpserted<Schemas["IngramMicroResellerDetails"]> }
  "/IngramMicroResellerDetails/{id}": { get: Schemas["IngramMicroResellerDetails"]; delete: unknown }
  "/Instance": { get: Schemas["Instance"][]; post: HaloUpserted<Schemas["Instance"]> }
  "/Instance/{id}": { get: Schemas["Instance"] }
  "/InstanceInfo": { get: unknown }
  "/IntegrationConfiguration": { get: Schemas["IntegrationConfiguration"][]; post: HaloUpserted<Schemas["IntegrationConfiguration"]> }
  "/IntegrationConfiguration/{id}": { get: Schemas["IntegrationConfiguration"] }
  "/IntegrationData/AdjustQty/MicrosoftCSP": { post: unknown }
  "/IntegrationData/BigPanda/GetDeviceList": { get: unknown }
  "/IntegrationData/CreateIncident/SplunkOnCall": { post: unknown }
  "/IntegrationData/Export/Lansweeper": { post: unknown }
  "/IntegrationData/FormatJsonArray": { post: unknown }
  "/IntegrationData/Get/Addigy": { get: unknown }
  "/IntegrationData/Get/AmazonSeller": { get: unknown }
  "/IntegrationData/Get/ArrowSphere": { get: unknown }
  "/IntegrationData/Get/Atera": { get: unknown }
  "/IntegrationData/Get/Automate": { get: unknown }
  "/IntegrationData/Get/Autotask": { get: unknown }
  "/IntegrationData/Get/Auvik": { get: unknown }
  "/IntegrationData/Get/Avalara": { get: unknown }
  "/IntegrationData/Get/AzureAD": { get: unknown }
  "/IntegrationData/Get/AzureSentinel": { get: unknown }
  "/IntegrationData/Get/Barracuda": { get: unknown }
  "/IntegrationData/Get/BusinessCentral": { get: unknown }
  "/IntegrationData/Get/CloudMarketplace": { get: unknown }
  "/IntegrationData/Get/Confluence": { get: unknown }
  "/IntegrationData/Get/ConnectWise": { get: unknown }
  "/IntegrationData/Get/ConnectwiseControl": { get: unknown }
  "/IntegrationData/Get/ConnectwiseRmm": { get: unknown }
  "/IntegrationData/Get/Datagate": { get: unknown }
  "/IntegrationData/Get/Datto": { get: unknown }
  "/IntegrationData/Get/DattoCommerce": { get: unknown }
  "/IntegrationData/Get/DeletedMail": { get: unknown }
  "/IntegrationData/Get/DevOps": { get: unknown }
  "/IntegrationData/Get/Device42": { get: unknown }
  "/IntegrationData/Get/DickerData": { get: unknown }
  "/IntegrationData/Get/Domotz": { get: unknown }
  "/IntegrationData/Get/DynamicsCRM": { get: unknown }
  "/IntegrationData/Get/Dynatrace": { get: unknown }
  "/IntegrationData/Get/Etilize": { get: unknown }
  "/IntegrationData/Get/ExactOnline": { get: unknown }
  "/IntegrationData/Get/ExchangeCalendars": { get: unknown }
  "/IntegrationData/Get/Facebook": { get: unknown }
  "/IntegrationData/Get/Fortnox": { get: unknown }
  "/IntegrationData/Get/Freshdesk": { get: unknown }
  "/IntegrationData/Get/Giacom": { get: unknown }
  "/IntegrationData/Get/GoCardless": { get: unknown }
  "/IntegrationData/Get/GoCardless/Payments": { get: unknown }
  "/IntegrationData/Get/GoToAssist": { get: unknown }
  "/IntegrationData/Get/GoogleBusiness": { get: unknown }
  "/IntegrationData/Get/GoogleCalendars": { get: unknown }
  "/IntegrationData/Get/GoogleWorkplace": { get: unknown }
  "/IntegrationData/Get/HaloLink": { get: unknown }
  "/IntegrationData/Get/HolidayAPI": { get: unknown }
  "/IntegrationData/Get/HubSpot": { get: unknown }
  "/IntegrationData/Get/ITGlue": { get: unknown }
  "/IntegrationData/Get/Icinga": { get: unknown }
  "/IntegrationData/Get/IngramMicro": { get: unknown }
  "/IntegrationData/Get/Intacct": { get: unknown }
  "/IntegrationData/Get/Interact": { get: unknown }
  "/IntegrationData/Get/Intune": { get: unknown }
  "/IntegrationData/Get/Jamf": { get: unknown }
  "/IntegrationData/Get/Jira": { get: unknown }
  "/IntegrationData/Get/JiraServiceManagement": { get: unknown }
  "/IntegrationData/Get/KaseyaVSA": { get: unknown }
  "/IntegrationData/Get/Kashflow": { get: unknown }
  "/IntegrationData/Get/Lansweeper": { get: unknown }
  "/IntegrationData/Get/Liongard": { get: unknown }
  "/IntegrationData/Get/LogMeIn": { get: unknown }
  "/IntegrationData/Get/LogicMonitor": { get: unknown }
  "/IntegrationData/Get/Mail": { get: unknown }
  "/IntegrationData/Get/Mattermost": { get: unknown }
  "/IntegrationData/Get/Meraki": { get: unknown }
  "/IntegrationData/Get/MicrosoftCSP": { get: unknown }
  "/IntegrationData/Get/Myob": { get: unknown }
  "/IntegrationData/Get/NCentral": { get: unknown }
  "/IntegrationData/Get/NewRelic": { get: unknown }
  "/IntegrationData/Get/NinjaRMM": { get: unknown }
  "/IntegrationData/Get/Okta": { get: unknown }
  "/IntegrationData/Get/PRTG": { get: unknown }
  "/IntegrationData/Get/PagerDuty": { get: unknown }
  "/IntegrationData/Get/Passportal": { get: unknown }
  "/IntegrationData/Get/Pax8": { get: unknown }
  "/IntegrationData/Get/Prometheus": { get: unknown }
  "/IntegrationData/Get/Qualys": { get: unknown }
  "/IntegrationData/Get/QuickBooksOnline": { get: unknown }
  "/IntegrationData/Get/Quoter": { get: unknown }
  "/IntegrationData/Get/Rhipe": { get: unknown }
  "/IntegrationData/Get/SageBusinessCloud": { get: unknown }
  "/IntegrationData/Get/SalesMailbox": { get: unknown }
  "/IntegrationData/Get/SalesMailbox/{id}": { get: unknown }
  "/IntegrationData/Get/Salesforce": { get: unknown }
  "/IntegrationData/Get/ServiceNow": { get: unknown }
  "/IntegrationData/Get/ServiceNowIntegration": { get: unknown }
  "/IntegrationData/Get/Sherweb": { get: unknown }
  "/IntegrationData/Get/Shopify": { get: unknown }
  "/IntegrationData/Get/ShopifyVerify": { get: unknown }
  "/IntegrationData/Get/Slack": { get: unknown }
  "/IntegrationData/Get/SnelStart": { get: unknown }
  "/IntegrationData/Get/SnipeIT": { get: unknown }
  "/IntegrationData/Get/Snow": { get: unknown }
  "/IntegrationData/Get/SolarWindsRMM": { get: unknown }
  "/IntegrationData/Get/Splashtop": { get: unknown }
  "/IntegrationData/Get/SplunkOnCall": { get: unknown }
  "/IntegrationData/Get/StreamOneIon": { get: unknown }
  "/IntegrationData/Get/Stripe": { get: unknown }
  "/IntegrationData/Get/Syncro": { get: unknown }
  "/IntegrationData/Get/Synnex": { get: unknown }
  "/IntegrationData/Get/Tanium": { get: unknown }
  "/IntegrationData/Get/TechData": { get: unknown }
  "/IntegrationData/Get/Twitter": { get: unknown }
  "/IntegrationData/Get/VMWorkspace": { get: unknown }
  "/IntegrationData/Get/WordpressCom": { get: unknown }
  "/IntegrationData/Get/WordpressOrg": { get: unknown }
  "/IntegrationData/Get/Xensam": { get: unknown }
  "/IntegrationData/Get/Xero": { get: unknown }
  "/IntegrationData/Get/Zabbix": { get: unknown }
  "/IntegrationData/Get/intY": { get: unknown }
  "/IntegrationData/Import/BeyondTrust": { post: unknown }
  "/IntegrationData/Import/BusinessCentral": { post: unknown }
  "/IntegrationData/Import/DevOps": { post: unknown }
  "/IntegrationData/Import/ExactOnline": { post: unknown }
  "/IntegrationData/Import/Fortnox": { post: unknown }
  "/IntegrationData/Import/IngramMicro/Subscriptions": { post: unknown }
  "/IntegrationData/Import/Intacct": { post: unknown }
  "/IntegrationData/Import/Jira": { post: unknown }
  "/IntegrationData/Import/Kashflow": { post: unknown }
  "/IntegrationData/Import/Myob": { post: unknown }
  "/IntegrationData/Import/QuickBooksOnline": { post: unknown }
  "/IntegrationData/Import/SageBusinessCloud": { post: unknown }
  "/IntegrationData/Import/SnelStart": { post: unknown }
  "/IntegrationData/Import/Xero": { post: unknown }
  "/IntegrationData/Link/DevOps": { post: unknown }
  "/IntegrationData/Link/Jira": { post: unknown }
  "/IntegrationData/MicrosoftTeams/Manifest": { post: unknown }
  "/IntegrationData/Move/Mail": { post: unknown }
  "/IntegrationData/Post/Confluence/create-webhook": { post: unknown }
  "/IntegrationData/Post/Liongard": { post: unknown }
  "/IntegrationData/Post/Mattermost/create-webhook": { post: unknown }
  "/IntegrationData/Post/Mattermost/delete-webhook": { post: unknown }
  "/IntegrationData/Post/Mattermost/send-webhook": { post: unknown }
  "/IntegrationData/Post/OpenAi": { post: unknown }
  "/IntegrationData/Post/Stripe/create-payment-intent": { post: unknown }
  "/IntegrationData/Post/Stripe/create-portal-session": { post: unknown }
  "/IntegrationData/Post/Stripe/create-setup-intent": { post: unknown }
  "/IntegrationData/Post/Stripe/create-webhook": { post: unknown }
  "/IntegrationData/Post/Stripe/update-invoice-payment": { post: unknown }
  "/IntegrationData/SAML/IdP/Metadata": { post: unknown }
  "/IntegrationData/SAML/SP/Metadata": { get: unknown }
  "/IntegrationData/Search/DevOps": { get: unknown }
  "/IntegrationData/Search/Jira": { get: unknown }
  "/IntegrationData/Send/Xero": { post: unknown }
  "/IntegrationData/Unlink/DevOps": { post: unknown }
  "/IntegrationData/Unlink/HaloLink": { post: unknown }
  "/IntegrationData/Unlink/Jira": { post: unknown }
  "/IntegrationData/Validate/Jira": { get: unknown }
  "/IntegrationError": { get: unknown; post: HaloUpserted<Schemas["IntegrationError"]> }
  "/IntegrationError/{id}": { get: Schemas["IntegrationError"]; delete: unknown }
  "/IntegrationExport": { get: Schemas["IntegrationExport"][]; post: unknown }
  "/IntegrationFieldData": { get: Schemas["IntegrationFieldData"][]; post: HaloUpserted<Schemas["IntegrationFieldData"]> }
  "/IntegrationFieldData/{id}": { get: Schemas["IntegrationFieldData"]; delete: unknown }
  "/IntegrationFieldMapping": { get: Schemas["IntegrationFieldMapping"][] }
  "/IntegrationRequest": { get: unknown; post: HaloUpserted<Schemas["IntegrationRequest"]> }
  "/IntegrationRequest/{id}": { get: Schemas["IntegrationRequest"]; delete: unknown }
  "/IntegrationRunbookVariableGroup": { get: unknown }
  "/IntegrationRunbookVariableGroup/{id}": { get: unknown }
  "/IntegrationSiteMapping": { get: Schemas["IntegrationSiteMapping"][] }
  "/IntegratorLog": { get: unknown }
  "/IntegratorSchedule": { get: unknown }
  "/IntegratorTrace": { get: unknown }
  "/IntegratorTrace/{id}": { get: unknown }
  "/Invoice": { get: unknown; post: HaloUpserted<Schemas["InvoiceHeader"]> }
  "/Invoice/PDF/{id}": { post: unknown }
  "/Invoice/updatelines": { post: unknown }
  "/Invoice/{id}": { get: Schemas["InvoiceHeader"]; delete: unknown }
  "/InvoiceChange": { get: unknown; post: unknown }
  "/InvoiceDetailProRata": { get: unknown }
  "/InvoicePayment": { get: unknown; post: HaloUpserted<Schemas["InvoicePayment_List"]> }
  "/InvoicePayment/{id}": { get: Schemas["InvoicePayment_List"]; delete: unknown }
  "/Item": { get: unknown; post: HaloUpserted<Schemas["Item"]> }
  "/Item/NewAccountsId": { post: unknown }
  "/Item/{id}": { get: Schemas["Item"]; delete: unknown }
  "/ItemGroup": { get: Schemas["ItemGroup"][]; post: HaloUpserted<Schemas["ItemGroup"]> }
  "/ItemGroup/{id}": { get: Schemas["ItemGroup"]; delete: unknown }
  "/ItemStock": { get: unknown; post: HaloUpserted<Schemas["ItemStock"]> }
  "/ItemStock/{id}": { get: Schemas["ItemStock"]; delete: unknown }
  "/ItemStockHistory": { get: unknown }
  "/ItemStockHistory/{id}": { get: unknown }
  "/JamfDetails": { get: Schemas["JamfDetails"][]; post: HaloUpserted<Schemas["JamfDetails"]> }
  "/JamfDetails/{id}": { get: Schemas["JamfDetails"]; delete: unknown }
  "/JiraDetails": { get: Schemas["JiraDetails"][]; post: HaloUpserted<Schemas["JiraDetails"]> }
  "/JiraDetails/{id}": { get: Schemas["JiraDetails"]; delete: unknown }
  "/Journey": { get: Schemas["Journey"][]; post: HaloUpserted<Schemas["Journey"]> }
  "/Journey/{id}": { get: Schemas["Journey"]; delete: unknown }
  "/KBArticle": { get: HaloWrappedList<"articles", Schemas["KBEntry"]>; post: HaloUpserted<Schemas["KBEntry"]> }
  "/KBArticle/vote": { post: unknown }
  "/KBArticle/{id}": { get: Schemas["KBEntry"]; delete: unknown }
  "/Kandji/Get": { get: unknown }
  "/KandjiDetails": { get: Schemas["KandjiDetails"][]; post: HaloUpserted<Schemas["KandjiDetails"]> }
  "/KandjiDetails/{id}": { get: Schemas["KandjiDetails"]; delete: unknown }
  "/KashflowDetails": { get: Schemas["KashflowDetails"][]; post: HaloUpserted<Schemas["KashflowDetails"]> }
  "/KashflowDetails/{id}": { get: Schemas["KashflowDetails"]; delete: unknown }
  "/LDAPConnection": { get: Schemas["LDAPConnection"][]; post: HaloUpserted<Schemas["LDAPConnection"]> }
  "/LDAPConnection/{id}": { get: Schemas["LDAPConnection"]; delete: unknown }
  "/Languages": { get: Schemas["LanguagePack"][]; post: HaloUpserted<Schemas["LanguagePack"]> }
  "/Languages/{id}": { get: Schemas["LanguagePack"]; delete: unknown }
  "/LapSafe/Cancel": { get: unknown }
  "/LapSafe/Complete": { get: unknown }
  "/LapSafe/Get": { get: unknown }
  "/LicenceChange": { get: unknown }
  "/LicenseInfo": { get: unknown; post: unknown }
  "/LicenseInfo/password": { get: unknown }
  "/LoginToken": { post: unknown }
  "/Lookup": { get: Schemas["Lookup"][]; post: HaloUpserted<Schemas["Lookup"]> }
  "/Lookup/ClearCache": { post: unknown }
  "/Lookup/{id}": { get: Schemas["Lookup"]; delete: unknown }
  "/MYOBdetails": { get: Schemas["MYOBDetails"][]; post: HaloUpserted<Schemas["MYOBDetails"]> }
  "/MYOBdetails/{id}": { get: Schemas["MYOBDetails"]; delete: unknown }
  "/Mail/Azure": { post: unknown }
  "/Mail/Integrator/Azure": { post: unknown }
  "/Mail/Integrator/Google": { post: unknown }
  "/Mail/Integrator/IMAP": { post: unknown }
  "/Mail/Integrator/Pop3": { post: unknown }
  "/Mail/ProcessMail": { post: unknown }
  "/Mailbox": { get: Schemas["Mailbox"][]; post: HaloUpserted<Schemas["Mailbox"]> }
  "/Mailbox/{id}": { get: Schemas["Mailbox"]; delete: unknown }
  "/MattermostChannelDetails": { get: unknown }
  "/MattermostDetails": { get: Schemas["MattermostDetails"][]; post: HaloUpserted<Schemas["MattermostDetails"]> }
  "/MattermostDetails/{id}": { get: Schemas["MattermostDetails"]; delete: unknown }
  "/MeterReading": { get: unknown; post: HaloUpserted<Schemas["DeviceMeterReading"]> }
  "/MeterReading/{id}": { get: Schemas["DeviceMeterReading"] }
  "/NCentralDetails": { get: Schemas["NCentralDetails"][]; post: HaloUpserted<Schemas["NCentralDetails"]> }
  "/NCentralDetails/{id}": { get: Schemas["NCentralDetails"]; delete: unknown }
  "/Nhserverconfig": { get: Schemas["NHServerConfig"][]; post: HaloUpserted<Schemas["NHServerConfig"]> }
  "/Nhserverconfig/{id}": { get: Schemas["NHServerConfig"]; delete: unknown }
  "/Notification": { get: Schemas["UnameNotification"][]; post: HaloUpserted<Schemas["UnameNotification"]> }
  "/Notification/{id}": { get: Schemas["UnameNotification"]; delete: unknown }
  "/NotificationMessage": { get: Schemas["NotificationContent"][]; post: HaloUpserted<Schemas["NotificationContent"]> }
  "/NotificationMessage/{id}": { get: Schemas["NotificationContent"]; delete: unknown }
  "/Notifications": { get: unknown; post: HaloUpserted<Schemas["EscMsg"]> }
  "/Notifications/process": { post: unknown }
  "/Notifications/{id}": { get: Schemas["EscMsg"]; delete: unknown }
  "/Notify": { post: unknown }
  "/Notify/Addigy": { post: unknown }
  "/Notify/Addigy/Integrator": { post: unknown }
  "/Notify/AdobeAcrobat/{tenant}/{secret}": { get: unknown; post: unknown }
  "/Notify/Atera": { post: unknown }
  "/Notify/Atera/Integrator": { post: unknown }
  "/Notify/Automate": { post: unknown }
  "/Notify/Automate/Integrator": { post: unknown }
  "/Notify/Auvik": { post: unknown }
  "/Notify/AzureDevOps": { post: unknown }
  "/Notify/AzureDevOps/Integrator": { post: unknown }
  "/Notify/AzureMonitor": { post: unknown }
  "/Notify/Confluence": { post: unknown }
  "/Notify/ConnectwiseRmm": { get: unknown }
  "/Notify/DattoRMM/Alerts": { post: unknown }
  "/Notify/Device42": { post: unknown }
  "/Notify/Dynatrace": { post: unknown }
  "/Notify/Facebook": { get: unknown; post: unknown }
  "/Notify/Jira": { post: unknown }
  "/Notify/JiraServiceManagement": { post: unknown }
  "/Notify/LapSafe": { post: unknown }
  "/Notify/LogicMonitor": { post: unknown }
  "/Notify/Meraki": { post: unknown }
  "/Notify/N-Central": { post: unknown }
  "/Notify/Nagios": { post: unknown }
  "/Notify/Ninja": { post: unknown }
  "/Notify/Ninja/Alerts": { post: unknown }
  "/Notify/PagerDuty": { post: unknown }
  "/Notify/ProcessStreet": { post: unknown }
  "/Notify/QuickBooksOnline": { post: unknown }
  "/Notify/QuickbooksOnline/Verify": { post: unknown }
  "/Notify/Quoter": { post: unknown }
  "/Notify/Slack": { post: unknown }
  "/Notify/Slack/Events": { post: unknown }
  "/Notify/SnelStart": { post: unknown }
  "/Notify/SolarWindsOrion": { post: unknown }
  "/Notify/SplunkOnCall": { post: unknown }
  "/Notify/Stripe": { post: unknown }
  "/Notify/Syncro": { post: unknown }
  "/Notify/Teams/chatMessage": { post: unknown }
  "/Notify/Teams/lifecycleNotification": { post: unknown }
  "/Notify/Twilio": { post: unknown }
  "/Notify/Twitter": { post: unknown }
  "/Notify/WhatsApp": { post: unknown }
  "/Notify/Xero": { post: unknown }
  "/Notify/Xero/Verify": { post: unknown }
  "/Notify/Zabbix": { post: unknown }
  "/Notify/github": { post: unknown }
  "/Notify/gotoresolve": { post: unknown }
  "/Notify/halo-webhook": { post: unknown }
  "/Notify/icinga": { post: unknown }
  "/Notify/ingrammicroreseller": { post: unknown }
  "/Notify/partner-center": { post: unknown }
  "/Notify/process": { post: unknown }
  "/Notify/prometheus": { post: unknown }
  "/Notify/servicenowaction": { post: unknown }
  "/Notify/servicenowticket": { post: unknown }
  "/Notify/site24x7": { post: unknown }
  "/Notify/trustpilot": { post: unknown }
  "/Notify/uat-restore": { post: unknown }
  "/OnlineStatus": { get: unknown; post: unknown }
  "/Opportunities": { get: unknown; post: HaloUpserted<Schemas["Faults"]> }
  "/Opportunities/View": { post: unknown }
  "/Opportunities/{id}": { get: Schemas["Faults"]; delete: unknown }
  "/Organisation": { get: Schemas["Organisation"][]; post: HaloUpserted<Schemas["Organisation"]> }
  "/Organisation/{id}": { get: Schemas["Organisation"]; delete: unknown }
  "/Outcome": { get: Schemas["TOutcome"][]; post: HaloUpserted<Schemas["TOutcome"]> }
  "/Outcome/{id}": { get: Schemas["TOutcome"]; delete: unknown }
  "/Outgoing": { get: unknown; post: unknown }
  "/Outgoing/{id}": { get: unknown; delete: unknown }
  "/OutgoingAttempt": { get: unknown }
  "/OutgoingAttempt/{id}": { get: unknown }
  "/Outgoingemail": { get: Schemas["Outgoingemail"][]; post: HaloUpserted<Schemas["Outgoingemail"]> }
  "/Outgoingemail/{id}": { delete: unknown }
  "/PRTGDetails": { get: Schemas["PRTGDetails"][]; post: HaloUpserted<Schemas["PRTGDetails"]> }
  "/PRTGDetails/{id}": { get: Schemas["PRTGDetails"]; delete: unknown }
  "/PasswordField": { get: Schemas["AuditPasswordField"][]; post: HaloUpserted<Schemas["AuditPasswordField"]> }
  "/PasswordField/{id}": { get: Schemas["AuditPasswordField"] }
  "/PdfTemplate": { get: Schemas["PdfTemplate"][]; post: HaloUpserted<Schemas["PdfTemplate"]> }
  "/PdfTemplate/{id}": { get: Schemas["PdfTemplate"]; delete: unknown }
  "/PdfTemplateRepository": { get: Schemas["PdfTemplate"][] }
  "/PdfTemplateRepository/{id}": { get: Schemas["PdfTemplate"] }
  "/PopupNote": { get: Schemas["AreaPopup"][] }
  "/PopupNote/read": { post: unknown }
  "/PowerShellScript": { get: Schemas["PowerShellScript"][]; post: HaloUpserted<Schemas["PowerShellScript"]> }
  "/PowerShellScript/{id}": { get: Schemas["PowerShellScript"]; delete: unknown }
  "/PowerShellScriptCriteria": { get: Schemas["PowerShellScriptCriteria"][]; post: HaloUpserted<Schemas["PowerShellScriptCriteria"]> }
  "/PowerShellScriptCriteria/{id}": { get: Schemas["PowerShellScriptCriteria"]; delete: unknown }
  "/PowerShellScriptProcessing": { get: unknown; post: HaloUpserted<Schemas["PowerShellScriptProcessing"]> }
  "/PowerShellScriptProcessing/{id}": { get: Schemas["PowerShellScriptProcessing"]; delete: unknown }
  "/Priority": { get: Schemas["Policy"][]; post: HaloUpserted<Schemas["Policy"]> }
  "/Priority/{id}": { get: Schemas["Policy"]; delete: unknown }
  "/Product": { get: Schemas["ReleaseProduct"][]; post: HaloUpserted<Schemas["ReleaseProduct"]> }
  "/Product/{id}": { get: Schemas["ReleaseProduct"]; delete: unknown }
  "/ProductBranch": { get: Schemas["ReleaseBranch"][] }
  "/ProductComponent": { get: Schemas["ReleaseComponent"][]; post: HaloUpserted<Schemas["ReleaseComponent"]> }
  "/ProductComponent/{id}": { get: Schemas["ReleaseComponent"]; delete: unknown }
  "/Projects": { get: HaloWrappedList<"tickets", Schemas["Faults"], { include_children?: boolean }>; post: HaloUpserted<Schemas["Faults"]> }
  "/Projects/View": { post: unknown }
  "/Projects/{id}": { get: Schemas["Faults"]; delete: unknown }
  "/PublishProfiles": { get: Schemas["PublishProfiles"][]; post: HaloUpserted<Schemas["PublishProfiles"]> }
  "/PublishProfiles/{id}": { get: Schemas["PublishProfiles"]; delete: unknown }
  "/PurchaseOrder": { get: unknown; post: HaloUpserted<Schemas["SupplierOrderHeader"]> }
  "/PurchaseOrder/{id}": { get: Schemas["SupplierOrderHeader"]; delete: unknown }
  "/Qualification": { get: Schemas["Qualification"][]; post: HaloUpserted<Schemas["Qualification"]> }
  "/Qualification/{id}": { get: Schemas["Qualification"]; delete: unknown }
  "/QuickBooksDetails": { get: Schemas["QuickBooksDetails"][]; post: HaloUpserted<Schemas["QuickBooksDetails"]> }
  "/QuickBooksDetails/{id}": { get: Schemas["QuickBooksDetails"]; delete: unknown }
  "/Quotation": { get: unknown; post: HaloUpserted<Schemas["QuotationHeader"]> }
  "/Quotation/Approval": { post: unknown }
  "/Quotation/{id}": { get: Schemas["QuotationHeader"]; delete: unknown }
  "/RecurringInvoice": { get: unknown; post: HaloUpserted<Schemas["InvoiceHeader"]> }
  "/RecurringInvoice/Lines": { post: unknown }
  "/RecurringInvoice/process": { post: unknown }
  "/RecurringInvoice/updatelines": { post: unknown }
  "/RecurringInvoice/{id}": { get: Schemas["InvoiceHeader"]; delete: unknown }
  "/RecurringItem": { get: Schemas["AreaItem"][] }
  "/Release": { get: unknown; post: HaloUpserted<Schemas["Release"]> }
  "/Release/{id}": { get: Schemas["Release"]; delete: unknown }
  "/ReleaseNoteGroup": { get: Schemas["ReleaseNoteGroup"][]; post: HaloUpserted<Schemas["ReleaseNoteGroup"]> }
  "/ReleaseNoteGroup/{id}": { get: Schemas["ReleaseNoteGroup"]; delete: unknown }
  "/ReleasePipeline": { get: Schemas["ReleasePipeline"][]; post: HaloUpserted<Schemas["ReleasePipeline"]> }
  "/ReleasePipeline/{id}": { get: Schemas["ReleasePipeline"]; delete: unknown }
  "/ReleaseType": { get: Schemas["ReleaseType"][]; post: HaloUpserted<Schemas["ReleaseType"]> }
  "/ReleaseType/{id}": { get: Schemas["ReleaseType"]; delete: unknown }
  "/RemoteSession": { get: unknown; post: HaloUpserted<Schemas["RemoteSessionData"]> }
  "/RemoteSession/{id}": { get: Schemas["RemoteSessionData"]; delete: unknown }
  "/RemoteSessionTeams": { get: Schemas["RemoteSessionTeams"][] }
  "/Report": { get: unknown; post: HaloUpserted<Schemas["AnalyzerProfile"]> }
  "/Report/Bookmark": { post: unknown }
  "/Report/createpdf": { post: unknown }
  "/Report/print": { post: unknown }
  "/Report/{id}": { get: Schemas["AnalyzerProfile"]; delete: unknown }
  "/ReportData/{publishedid}": { get: unknown }
  "/ReportRepository": { get: unknown }
  "/ReportRepository/ReportCategories": { get: Schemas["Lookup"][] }
  "/ReportRepository/{id}": { get: Schemas["AnalyzerProfile"] }
  "/ResourceType": { get: unknown }
  "/ResourceType/{id}": { get: unknown }
  "/Roadmap": { get: unknown }
  "/Roles": { get: Schemas["NHD_Roles"][]; post: HaloUpserted<Schemas["NHD_Roles"]> }
  "/Roles/{id}": { get: Schemas["NHD_Roles"]; delete: unknown }
  "/SLA": { get: Schemas["SlaHead"][]; post: HaloUpserted<Schemas["SlaHead"]> }
  "/SLA/{id}": { get: Schemas["SlaHead"]; delete: unknown }
  "/SQLImport": { get: Schemas["SQLImport"][]; post: HaloUpserted<Schemas["SQLImport"]> }
  "/SQLImport/{id}": { get: Schemas["SQLImport"]; delete: unknown }
  "/SageBusinessCloudDetails": { get: Schemas["SageBusinessCloudDetails"][]; post: HaloUpserted<Schemas["SageBusinessCloudDetails"]> }
  "/SageBusinessCloudDetails/{id}": { get: Schemas["SageBusinessCloudDetails"]; delete: unknown }
  "/SalesMailbox": { get: Schemas["SalesMailbox"][]; post: HaloUpserted<Schemas["SalesMailbox"]> }
  "/SalesMailbox/{id}": { get: Schemas["SalesMailbox"]; delete: unknown }
  "/SalesMailboxDetail": { post: unknown }
  "/SalesOrder": { get: unknown; post: HaloUpserted<Schemas["OrderHead"]> }
  "/SalesOrder/{id}": { get: Schemas["OrderHead"]; delete: unknown }
  "/Schedule": { get: Schemas["Schedule"][]; post: HaloUpserted<Schemas["Schedule"]> }
  "/Schedule/{id}": { get: Schemas["Schedule"] }
  "/ScheduleOccurrence": { get: unknown; post: unknown }
  "/ScheduleOccurrence/{id}": { get: unknown }
  "/ScreenLayout": { get: Schemas["ScreenLayout"][]; post: HaloUpserted<Schemas["ScreenLayout"]> }
  "/ScreenLayout/{id}": { get: Schemas["ScreenLayout"]; delete: unknown }
  "/Search": { get: unknown }
  "/SecurityCheck": { get: unknown }
  "/SecurityQuestion": { get: Schemas["SecurityQuestion"][]; post: HaloUpserted<Schemas["SecurityQuestion"]> }
  "/SecurityQuestion/{id}": { get: Schemas["SecurityQuestion"]; delete: unknown }
  "/SecurityQuestionValidate": { get: unknown; post: unknown }
  "/Service": { get: unknown; post: HaloUpserted<Schemas["ServSite"]> }
  "/Service/unsubscribe": { post: unknown }
  "/Service/{id}": { get: Schemas["ServSite"]; delete: unknown }
  "/ServiceCategory": { get: Schemas["ServiceCategory"][]; post: HaloUpserted<Schemas["ServiceCategory"]> }
  "/ServiceCategory/{id}": { get: Schemas["ServiceCategory"]; delete: unknown }
  "/ServiceRequestDetails": { get: Schemas["ServiceRequestDetails"][] }
  "/ServiceRestriction": { get: Schemas["ServiceRestriction"][] }
  "/ServiceStatus": { get: unknown; post: HaloUpserted<Schemas["ServStatus"]> }
  "/ServiceStatus/Subscribe": { post: HaloUpserted<Schemas["ServStatusSubscribe"]> }
  "/ServiceStatus/Subscribe/{id}": { get: Schemas["ServStatusSubscribe"] }
  "/ServiceStatus/{id}": { get: Schemas["ServStatus"]; delete: unknown }
  "/SetupTab": { get: Schemas["SetupTab"][]; post: HaloUpserted<Schemas["SetupTab"]> }
  "/SetupTab/{id}": { get: Schemas["SetupTab"] }
  "/SetupTabGroup": { get: unknown }
  "/SetupTabGroup/{id}": { get: unknown }
  "/ShopifyDetails": { get: Schemas["ShopifyDetails"][]; post: HaloUpserted<Schemas["ShopifyDetails"]> }
  "/ShopifyDetails/{id}": { get: Schemas["ShopifyDetails"]; delete: unknown }
  "/Site": { get: HaloWrappedList<"sites", Schemas["Site"]>; post: HaloUpserted<Schemas["Site"]> }
  "/Site/StockBins": { get: unknown }
  "/Site/{id}": { get: Schemas["Site"]; delete: unknown }
  "/SlackDetails": { get: Schemas["SlackDetails"][]; post: HaloUpserted<Schemas["SlackDetails"]> }
  "/SlackDetails/Uninstall": { post: unknown }
  "/SlackDetails/{id}": { get: Schemas["SlackDetails"]; delete: unknown }
  "/SnipeITDetails": { get: Schemas["SnipeITDetails"][]; post: HaloUpserted<Schemas["SnipeITDetails"]> }
  "/SnipeITDetails/{id}": { get: Schemas["SnipeITDetails"]; delete: unknown }
  "/SnowDetails": { get: Schemas["SnowDetails"][]; post: HaloUpserted<Schemas["SnowDetails"]> }
  "/SnowDetails/{id}": { get: Schemas["SnowDetails"]; delete: unknown }
  "/SoftwareLicence": { get: unknown; post: HaloUpserted<Schemas["Licence_List"]> }
  "/SoftwareLicence/{id}": { get: Schemas["Licence_List"]; delete: unknown }
  "/SoftwareLicenceRole": { get: Schemas["LicenceRole"][] }
  "/Status": { get: Schemas["TStatus"][]; post: HaloUpserted<Schemas["TStatus"]> }
  "/Status/{id}": { get: Schemas["TStatus"]; delete: unknown }
  "/StreamOneIonDetails": { get: Schemas["StreamOneIonDetails"][]; post: HaloUpserted<Schemas["StreamOneIonDetails"]> }
  "/StreamOneIonDetails/{id}": { get: Schemas["StreamOneIonDetails"]; delete: unknown }
  "/Supplier": { get: unknown; post: HaloUpserted<Schemas["Company"]> }
  "/Supplier/{id}": { get: Schemas["Company"]; delete: unknown }
  "/SupplierContract": { get: unknown; post: HaloUpserted<Schemas["Contract"]> }
  "/SupplierContract/NextRef": { post: unknown }
  "/SupplierContract/{id}": { get: Schemas["Contract"]; delete: unknown }
  "/SynnexDetails": { get: Schemas["SynnexDetails"][]; post: HaloUpserted<Schemas["SynnexDetails"]> }
  "/SynnexDetails/{id}": { get: Schemas["SynnexDetails"]; delete: unknown }
  "/Tabs": { get: Schemas["Tabname"][]; post: HaloUpserted<Schemas["Tabname"]> }
  "/Tabs/{id}": { get: Schemas["Tabname"]; delete: unknown }
  "/Tags": { get: Schemas["Tag"][]; post: HaloUpserted<Schemas["Tag"]> }
  "/Tags/{id}": { get: Schemas["Tag"]; delete: unknown }
  "/TaniumDetails": { get: Schemas["TaniumDetails"][]; post: HaloUpserted<Schemas["TaniumDetails"]> }
  "/TaniumDetails/{id}": { get: Schemas["TaniumDetails"]; delete: unknown }
  "/TaskMonitorEvent": { get: unknown }
  "/TaskSchedule": { get: unknown; post: unknown }
  "/TaskTrace": { get: unknown }
  "/TaskTrace/{id}": { get: unknown }
  "/Tax": { get: Schemas["Tax"][]; post: HaloUpserted<Schemas["Tax"]> }
  "/Tax/{id}": { get: Schemas["Tax"]; delete: unknown }
  "/TaxRule": { get: Schemas["TaxRule"][]; post: HaloUpserted<Schemas["TaxRule"]> }
  "/TaxRule/{id}": { get: Schemas["TaxRule"]; delete: unknown }
  "/Team": { get: Schemas["SectionDetail"][]; post: HaloUpserted<Schemas["SectionDetail"]> }
  "/Team/Tree": { get: unknown }
  "/Team/{id}": { get: Schemas["SectionDetail"]; delete: unknown }
  "/TeamImage/{id}": { get: unknown }
  "/TechDataResellerDetails": { get: Schemas["TechDataResellerDetails"][]; post: HaloUpserted<Schemas["TechDataResellerDetails"]> }
  "/TechDataResellerDetails/{id}": { get: Schemas["TechDataResellerDetails"]; delete: unknown }
  "/Template": { get: unknown; post: HaloUpserted<Schemas["StdRequest"]> }
  "/Template/{id}": { get: Schemas["StdRequest"]; delete: unknown }
  "/Tenable/Cancel": { post: unknown }
  "/Tenable/Export": { post: unknown }
  "/Tenable/Get": { get: unknown }
  "/Tenable/Status": { get: unknown }
  "/TenableDetails": { get: Schemas["TenableDetails"][]; post: HaloUpserted<Schemas["TenableDetails"]> }
  "/TenableDetails/{id}": { get: Schemas["TenableDetails"]; delete: unknown }
  "/Tenant": { get: unknown; post: unknown }
  "/Test1": { get: unknown }
  "/Test3": { get: unknown }
  "/Test4": { get: unknown }
  "/TestError": { get: unknown }
  "/TicketApproval": { get: Schemas["FaultApproval"][]; post: HaloUpserted<Schemas["FaultApproval"]> }
  "/TicketApproval/{id}": { get: Schemas["FaultApproval"] }
  "/TicketApproval/{id}&{seq}": { delete: unknown }
  "/TicketArea": { get: Schemas["TicketArea"][]; post: HaloUpserted<Schemas["TicketArea"]> }
  "/TicketArea/{id}": { get: Schemas["TicketArea"]; delete: unknown }
  "/TicketRules": { get: Schemas["Autoassign"][]; post: HaloUpserted<Schemas["Autoassign"]> }
  "/TicketRules/{id}": { get: Schemas["Autoassign"]; delete: unknown }
  "/TicketType": { get: Schemas["RequestType"][]; post: HaloUpserted<Schemas["RequestType"]> }
  "/TicketType/{id}": { get: Schemas["RequestType"]; delete: unknown }
  "/TicketTypeField": { get: Schemas["RequestTypeField"][] }
  "/TicketTypeGroup": { get: Schemas["RequestTypeGroup"][]; post: HaloUpserted<Schemas["RequestTypeGroup"]> }
  "/TicketTypeGroup/{id}": { get: Schemas["RequestTypeGroup"]; delete: unknown }
  "/Tickets": { get: HaloWrappedList<"tickets", Schemas["Faults"], { include_children?: boolean }>; post: HaloUpserted<Schemas["Faults"]> }
  "/Tickets/Object": { post: unknown }
  "/Tickets/View": { post: unknown }
  "/Tickets/processchildren": { post: unknown }
  "/Tickets/salesmailbox": { get: unknown }
  "/Tickets/vote": { post: unknown }
  "/Tickets/zapier": { get: unknown }
  "/Tickets/{id}": { get: Schemas["Faults"]; delete: unknown }
  "/Timesheet": { get: Schemas["Timesheet"][]; post: HaloUpserted<Schemas["Timesheet"]> }
  "/Timesheet/forecasting": { get: unknown }
  "/Timesheet/mine": { get: unknown }
  "/Timesheet/{id}": { get: Schemas["Timesheet"] }
  "/TimesheetEvent": { get: Schemas["TimesheetEvent"][]; post: HaloUpserted<Schemas["TimesheetEvent"]> }
  "/TimesheetEvent/mine": { get: unknown }
  "/TimesheetEvent/{id}": { get: Schemas["TimesheetEvent"]; delete: unknown }
  "/Timeslot": { get: Schemas["Timeslot"][] }
  "/ToDo": { get: Schemas["FaultToDo"][]; post: unknown }
  "/ToDoGroup": { get: Schemas["ToDoGroup"][]; post: HaloUpserted<Schemas["ToDoGroup"]> }
  "/ToDoGroup/{id}": { get: Schemas["ToDoGroup"]; delete: unknown }
  "/TopLevel": { get: unknown; post: HaloUpserted<Schemas["Tree"]> }
  "/TopLevel/{id}": { get: Schemas["Tree"]; delete: unknown }
  "/Translation": { get: unknown; post: unknown }
  "/TwitterDetails": { get: Schemas["TwitterDetails"][]; post: HaloUpserted<Schemas["TwitterDetails"]> }
  "/TwitterDetails/{id}": { get: Schemas["TwitterDetails"]; delete: unknown }
  "/UnsubServiceEmails": { get: Schemas["UnsubEmailServiceUsers"][]; post: HaloUpserted<Schemas["UnsubEmailServiceUsers"]> }
  "/UnsubServiceEmails/{id}": { get: Schemas["UnsubEmailServiceUsers"]; delete: unknown }
  "/UserChange": { get: unknown }
  "/UserRoles": { get: Schemas["UserRoles"][]; post: HaloUpserted<Schemas["UserRoles"]> }
  "/UserRoles/{id}": { get: Schemas["UserRoles"]; delete: unknown }
  "/Users": { get: HaloWrappedList<"users", Schemas["Users"]>; post: HaloUpserted<Schemas["Users"]> }
  "/Users/me": { get: Schemas["Users"] }
  "/Users/prefs": { post: unknown }
  "/Users/{id}": { get: Schemas["Users"]; delete: unknown }
  "/VMWorkspaceDetails": { get: Schemas["VMWorkspaceDetails"][]; post: HaloUpserted<Schemas["VMWorkspaceDetails"]> }
  "/VMWorkspaceDetails/{id}": { get: Schemas["VMWorkspaceDetails"]; delete: unknown }
  "/VersionInfo": { get: unknown }
  "/VersionInfo/GetOneSpotlight/{id}": { get: unknown }
  "/VersionInfo/SearchVersionInfo": { get: unknown }
  "/VersionInfo/Spotlight": { get: unknown }
  "/VersionInfo/{id}": { get: Schemas["Release"] }
  "/ViewColumns": { get: Schemas["ViewColumns"][]; post: HaloUpserted<Schemas["ViewColumns"]> }
  "/ViewColumns/{id}": { get: Schemas["ViewColumns"]; delete: unknown }
  "/ViewFilter": { get: Schemas["ViewFilter"][]; post: HaloUpserted<Schemas["ViewFilter"]> }
  "/ViewFilter/{id}": { get: Schemas["ViewFilter"]; delete: unknown }
  "/ViewListGroup": { get: Schemas["ViewListGroup"][]; post: HaloUpserted<Schemas["ViewListGroup"]> }
  "/ViewListGroup/{id}": { get: Schemas["ViewListGroup"]; delete: unknown }
  "/ViewLists": { get: Schemas["ViewLists"][]; post: HaloUpserted<Schemas["ViewLists"]> }
  "/ViewLists/{id}": { get: Schemas["ViewLists"]; delete: unknown }
  "/VirtualAgent": { get: Schemas["VirtualAgent"][]; post: HaloUpserted<Schemas["VirtualAgent"]> }
  "/VirtualAgent/{id}": { get: Schemas["VirtualAgent"]; delete: unknown }
  "/Webhook": { get: Schemas["Webhook"][]; post: HaloUpserted<Schemas["Webhook"]> }
  "/Webhook/{id}": { get: Schemas["Webhook"]; delete: unknown }
  "/WebhookEvent": { get: unknown; post: HaloUpserted<Schemas["WebhookEvent"]> }
  "/WebhookEvent/{id}": { get: Schemas["WebhookEvent"] }
  "/WebhookRepository": { get: Schemas["Webhook"][] }
  "/WebhookRepository/{id}": { get: Schemas["Webhook"] }
  "/WordpressDetails": { get: Schemas["WordpressDetails"][]; post: HaloUpserted<Schemas["WordpressDetails"]> }
  "/WordpressDetails/{id}": { get: Schemas["WordpressDetails"]; delete: unknown }
  "/WordpressOrgDetails": { get: Schemas["WordpressOrgDetails"][]; post: HaloUpserted<Schemas["WordpressOrgDetails"]> }
  "/WordpressOrgDetails/{id}": { get: Schemas["WordpressOrgDetails"]; delete: unknown }
  "/Workday": { get: Schemas["Workdays"][]; post: HaloUpserted<Schemas["Workdays"]> }
  "/Workday/{id}": { get: Schemas["Workdays"]; delete: unknown }
  "/Workflow": { get: Schemas["FlowHeader"][]; post: HaloUpserted<Schemas["FlowHeader"]> }
  "/Workflow/{id}": { get: Schemas["FlowHeader"]; delete: unknown }
  "/WorkflowTarget": { get: Schemas["WorkflowTarget"][]; post: HaloUpserted<Schemas["WorkflowTarget"]> }
  "/WorkflowTarget/{id}": { get: Schemas["WorkflowTarget"]; delete: unknown }
  "/XeroDetails": { get: Schemas["XeroDetails"][]; post: HaloUpserted<Schemas["XeroDetails"]> }
  "/XeroDetails/{id}": { get: Schemas["XeroDetails"]; delete: unknown }
  "/XtypeRole": { get: Schemas["XTypeRole"][] }
  "/azureadconnection": { get: Schemas["AzureADConnection"][]; post: HaloUpserted<Schemas["AzureADConnection"]> }
  "/azureadconnection/{id}": { get: Schemas["AzureADConnection"]; delete: unknown }
  "/azureadmapping": { get: Schemas["AzureADMapping"][] }
  "/formattedemail": { get: Schemas["FormattedEmail"][]; post: HaloUpserted<Schemas["FormattedEmail"]> }
  "/formattedemail/{id}": { get: Schemas["FormattedEmail"]; delete: unknown }
  "/incomingemail": { get: unknown; post: HaloUpserted<Schemas["IncomingEmail"]> }
  "/incomingemail/{id}": { get: Schemas["IncomingEmail"]; delete: unknown }
  "/itemsupplier": { get: Schemas["ItemSupplier"][]; post: HaloUpserted<Schemas["ItemSupplier"]> }
  "/itemsupplier/{id}": { get: Schemas["ItemSupplier"]; delete: unknown }
  "/pagerdutymapping": { get: Schemas["PagerDutyMapping"][] }
}
