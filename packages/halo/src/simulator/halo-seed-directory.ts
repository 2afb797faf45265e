import type { HaloJson } from './halo-table'

/** The customers' side of the directory: clients, their sites and users, assets, and knowledge base articles. */

export function seedClients(): HaloJson[] {
  const client = (id: number, name: string, extra: Partial<Record<string, unknown>> = {}): HaloJson => ({
    id,
    name,
    toplevel_id: 1,
    toplevel_name: 'Customers',
    inactive: false,
    colour: '',
    notes: '',
    pritech: 2,
    sectech: 3,
    accountmanagertech: 1,
    datecreated: '2023-01-09T09:00:00',
    customfields: [],
    ...extra,
  })
  return [
    client(1, 'Contoso Ltd', { customfields: [{ id: 160, value: 'CON-001' }] }),
    client(2, 'Fabrikam Inc', { customfields: [{ id: 160, value: 'FAB-002' }] }),
    client(3, 'Northwind Traders'),
    client(4, 'Tailspin Toys', { inactive: true }),
  ]
}

export function seedSites(): HaloJson[] {
  const site = (id: number, name: string, clientId: number, slaId: number, extra: Partial<Record<string, unknown>> = {}): HaloJson => ({
    id,
    name,
    client_id: clientId,
    inactive: false,
    sla_id: slaId,
    phonenumber: `+44 20 7946 0${String(100 + id)}`,
    timezone: 'GMT Standard Time',
    notes: '',
    ...extra,
  })
  return [
    site(1, 'Head Office', 1, 1),
    site(2, 'Warehouse', 1, 1),
    site(3, 'Main Office', 2, 2),
    site(4, 'HQ', 3, 1),
    site(5, 'HQ', 4, 1, { inactive: true }),
  ]
}

export function seedUsers(): HaloJson[] {
  const user = (
    id: number,
    firstname: string,
    surname: string,
    siteId: number,
    domain: string,
    extra: Partial<Record<string, unknown>> = {},
  ): HaloJson => ({
    id,
    name: `${firstname} ${surname}`,
    firstname,
    surname,
    emailaddress: `${firstname}.${surname}@${domain}`.toLowerCase(),
    phonenumber: '',
    mobilenumber: '',
    login: `${firstname}.${surname}`.toLowerCase(),
    site_id: siteId,
    inactive: false,
    linked_agent_id: 0,
    priority_id: 0,
    datecreated: '2023-02-01T10:30:00',
    customfields: [],
    ...extra,
  })
  return [
    user(1, 'Jane', 'Doe', 1, 'contoso.example.com', { phonenumber: '+44 20 7946 0011' }),
    user(2, 'John', 'Smith', 2, 'contoso.example.com'),
    user(3, 'Priya', 'Patel', 3, 'fabrikam.example.com'),
    user(4, 'Tom', 'Brown', 4, 'northwind.example.com'),
    user(5, 'Lee', 'Chen', 3, 'fabrikam.example.com', { inactive: true }),
  ]
}

export function seedAssets(): HaloJson[] {
  const asset = (id: number, tag: string, typeId: number, typeName: string, clientId: number, siteId: number, model: string): HaloJson => ({
    id,
    inventory_number: tag,
    key_field: model,
    key_field2: `SN-${(7340 + id * 17).toString(16).toUpperCase()}`,
    key_field3: '',
    client_id: clientId,
    site_id: siteId,
    assettype_id: typeId,
    assettype_name: typeName,
    status_id: 1,
    inactive: false,
    fields: [],
    customfields: [],
    users: [],
  })
  return [
    asset(1, 'LT-0042', 1, 'Laptop', 1, 1, 'Dell Latitude 7440'),
    asset(2, 'PR-0007', 2, 'Printer', 1, 1, 'HP LaserJet M507'),
    asset(3, 'SRV-0001', 3, 'Server', 2, 3, 'Dell PowerEdge R650'),
  ]
}

export function seedKbArticles(): HaloJson[] {
  const article = (id: number, name: string, description: string, extra: Partial<Record<string, unknown>> = {}): HaloJson => ({
    id,
    name,
    description,
    description_html: `<p>${description}</p>`,
    resolution: '',
    resolution_html: '',
    tag_string: '',
    tags: [],
    type: 0,
    inactive: false,
    date_created: '2023-03-01T09:00:00',
    date_edited: '2023-03-01T09:00:00',
    next_review_date: '1900-01-01T00:00:00',
    view_count: 0,
    useful_count: 0,
    notuseful_count: 0,
    teams: [],
    attachments: [],
    ...extra,
  })
  return [
    article(1, 'How to reset your password', 'Use the self-service portal to reset a forgotten password.', {
      tag_string: 'password,access',
      view_count: 41,
    }),
    article(2, 'Connecting to the VPN', 'Install the VPN client and sign in with your network account.', {
      tag_string: 'vpn,network',
      view_count: 17,
    }),
    article(3, 'Printer troubleshooting', 'Power-cycle the printer and clear the queue before logging a ticket.', { tag_string: 'printer' }),
    article(4, 'Sending a fax', 'The fax service was retired in 2022.', { inactive: true }),
  ]
}
