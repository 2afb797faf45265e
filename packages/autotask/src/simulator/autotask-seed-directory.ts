import { formatAutotaskDate } from './autotask-date'
import { day, firstNames, helpDeskRole, lastNames, networkRole, seedRecord, setUserDefined, technicians } from './autotask-seed-support'
import type { SeededRandom } from '@ticketbridge/testkit/servers'
import { apiUserResourceId } from './autotask-simulator-options'
import type { AutotaskSimulatorState } from './autotask-simulator-state'

/** Customers: [name, domain, city, phone, employees]. */
const customers: [string, string, string, string, number][] = [
  ['Acme Dental Group', 'acmedental.example', 'Springfield', '555-0142', 48],
  ['Northwind Logistics', 'northwind.example', 'Rotterdam', '+31 10 555 0199', 310],
  ['Contoso Legal LLP', 'contosolegal.example', 'Leeds', '+44 113 555 0107', 62],
  ['Fabrikam Manufacturing', 'fabrikam.example', 'Dayton', '555-0178', 540],
  ['Müller & Söhne GmbH', 'mueller-soehne.example', 'Stuttgart', '+49 711 555 0123', 85],
  ['Blue Yonder Airlines', 'blueyonder.example', 'Seattle', '555-0166', 1200],
  ['Tailspin Toys', 'tailspintoys.example', 'Austin', '555-0111', 23],
  ['Wingtip Accounting', 'wingtip.example', 'Dublin', '+353 1 555 0188', 17],
]

/** A date `offset` days into the tenant's history, which starts 900 days before now. */
type HistoryDate = (offset: number) => string

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase()
}

/**
 * The simulated tenant's directory: the MSP's own company (id 0), its technicians and roles,
 * the API user's resource, customers with contacts, products, configuration items, contracts
 * and projects. Same random seed, same directory.
 */
export function seedAutotaskDirectory(state: AutotaskSimulatorState, options: { random: SeededRandom; now: number; apiUsername: string }): void {
  const { random, now } = options
  const longAgo = now - 900 * day
  const date: HistoryDate = (offset) => formatAutotaskDate(longAgo + offset * day)
  // In this order: the random sequence, and so the whole directory, depends on it.
  seedStaff(state, random, date, options.apiUsername)
  seedOwnCompany(state, date)
  const productIds = seedProducts(state)
  customers.forEach((customer, index) => seedCustomer(state, { random, now, date, productIds }, customer, index))
  seedProjects(state, now)
}

/** The technicians' resources, the API user's, the roles and which technician holds which. */
function seedStaff(state: AutotaskSimulatorState, random: SeededRandom, date: HistoryDate, apiUsername: string): void {
  for (const [id, firstName, lastName, isActive] of technicians) {
    state.insert(
      'Resources',
      seedRecord(state, 'Resources', {
        id,
        firstName,
        lastName,
        email: `${ascii(firstName)}.${ascii(lastName)}@simulated-msp.example`,
        userName: `${ascii(firstName)}.${ascii(lastName)}`,
        initials: `${firstName[0]}${lastName[0]}`,
        isActive,
        licenseType: 1,
        resourceType: 'Employee',
        userType: 1,
        title: 'Service Desk Engineer',
        officePhone: `555-01${String(id % 100).padStart(2, '0')}`,
        defaultServiceDeskRoleID: helpDeskRole,
        hireDate: date(random.integer(0, 300)),
        dateFormat: 'dd/MM/yyyy',
        timeFormat: 'HH:mm',
        numberFormat: 'X,XXX.XX',
        locationID: 10,
      }),
    )
  }
  state.insert(
    'Resources',
    seedRecord(state, 'Resources', {
      id: apiUserResourceId,
      firstName: 'TicketBridge',
      lastName: 'API User',
      email: apiUsername,
      userName: apiUsername,
      isActive: true,
      licenseType: 7,
      resourceType: 'Employee',
      userType: 17,
      title: 'API User (API-only)',
      locationID: 10,
    }),
  )
  const roles: [number, string, number][] = [
    [helpDeskRole, 'Help Desk Technician', 95],
    [networkRole, 'Network Engineer', 140],
    [29683357, 'Project Manager', 150],
    [29683358, 'Field Engineer', 120],
  ]
  for (const [id, name, hourlyRate] of roles) {
    state.insert(
      'Roles',
      seedRecord(state, 'Roles', { id, name, description: name, hourlyRate, hourlyFactor: 1, isActive: true, isSystemRole: false, roleType: 1 }),
    )
  }
  for (const [id, , , isActive] of technicians) {
    state.insert(
      'ResourceRoles',
      seedRecord(state, 'ResourceRoles', { resourceID: id, roleID: helpDeskRole, queueID: 29682833, departmentID: 29683001, isActive }),
    )
    if (id % 2 === 0)
      state.insert(
        'ResourceRoles',
        seedRecord(state, 'ResourceRoles', { resourceID: id, roleID: networkRole, queueID: 29683354, departmentID: 29683001, isActive }),
      )
  }
}

/** The MSP's own company, id 0 as in every Autotask tenant. */
function seedOwnCompany(state: AutotaskSimulatorState, date: HistoryDate): void {
  state.insert(
    'Companies',
    seedRecord(state, 'Companies', {
      id: 0,
      companyName: 'Simulated MSP Ltd',
      companyType: 7,
      phone: '555-0100',
      city: 'Springfield',
      isActive: true,
      ownerResourceID: technicians[0]![0],
      createDate: date(0),
      lastActivityDate: date(1),
      lastTrackedModifiedDateTime: date(1),
    }),
  )
}

/** The products configuration items are made of; returns their ids. */
function seedProducts(state: AutotaskSimulatorState): number[] {
  const products: [string, string][] = [
    ['Dell Latitude 7440', 'Dell'],
    ['HP LaserJet Pro M404', 'HP'],
    ['Cisco Meraki MX68', 'Cisco'],
  ]
  return products.map(
    ([name, manufacturerName]) =>
      state.insert(
        'Products',
        seedRecord(state, 'Products', { name, manufacturerName, isActive: true, isSerialized: true, productCategory: 1, periodType: 1 }),
      ).id,
  )
}

/** One customer: the company with its UDFs, its contacts, a configuration item and a managed-services contract. */
function seedCustomer(
  state: AutotaskSimulatorState,
  seed: { random: SeededRandom; now: number; date: HistoryDate; productIds: number[] },
  [companyName, domain, city, phone, employees]: (typeof customers)[number],
  index: number,
): void {
  const { random, now, date, productIds } = seed
  const company = seedRecord(state, 'Companies', {
    companyName,
    companyNumber: `C${String(1001 + index)}`,
    companyType: index === 6 ? 3 : 1,
    phone,
    city,
    webAddress: `https://www.${domain}`,
    isActive: index !== 7,
    ownerResourceID: random.pick(technicians.filter((technician) => technician[3]))[0],
    createDate: date(10 + index * 20),
    createdByResourceID: apiUserResourceId,
    lastActivityDate: date(400 + index),
    lastTrackedModifiedDateTime: date(400 + index),
    currencyID: 1,
  })
  setUserDefined(company, 'Number of Employees', String(employees))
  setUserDefined(company, 'Customer Since', date(10 + index * 20))
  const storedCompany = state.insert('Companies', company)
  const contactCount = 3 + (index % 2)
  for (let position = 0; position < contactCount; position += 1) {
    const firstName = random.pick(firstNames)
    const lastName = random.pick(lastNames)
    const contact = seedRecord(state, 'Contacts', {
      companyID: storedCompany.id,
      firstName,
      lastName,
      emailAddress: `${ascii(firstName)}.${ascii(lastName)}${position}@${domain}`,
      phone,
      mobilePhone: `+1 555 01${String(random.integer(10, 99))}`,
      title: position === 0 ? 'Office Manager' : random.pick(['Accountant', 'Engineer', 'Sales Lead', 'Receptionist', 'Director']),
      isActive: position === contactCount - 1 && index % 3 === 0 ? 0 : 1,
      primaryContact: position === 0,
      createDate: date(20 + index * 20 + position),
      lastActivityDate: date(420 + index),
      lastModifiedDate: date(420 + index),
      receivesEmailNotifications: true,
    })
    setUserDefined(contact, 'Preferred Language', random.pick(['English', 'English', 'German', 'Dutch', 'French']))
    state.insert('Contacts', contact)
  }
  state.insert(
    'ConfigurationItems',
    seedRecord(state, 'ConfigurationItems', {
      companyID: storedCompany.id,
      productID: random.pick(productIds),
      configurationItemType: random.integer(1, 4),
      referenceTitle: `${companyName.split(' ')[0]}-SRV-01`,
      serialNumber: `SN${random.integer(100000, 999999)}`,
      isActive: true,
      createDate: date(30 + index),
      installDate: date(30 + index),
    }),
  )
  state.insert(
    'Contracts',
    seedRecord(state, 'Contracts', {
      companyID: storedCompany.id,
      contractName: `${companyName} Managed Services`,
      contractNumber: `MS-${1001 + index}`,
      contractType: 7,
      status: 1,
      startDate: date(30),
      endDate: formatAutotaskDate(now + 365 * day),
      isDefaultContract: true,
      timeReportingRequiresStartAndStopTimes: 0,
    }),
  )
}

/** Two running projects, for the first two customers. */
function seedProjects(state: AutotaskSimulatorState, now: number): void {
  const firstCustomers = state.rows('Companies').slice(1, 3)
  firstCustomers.forEach((company, index) => {
    state.insert(
      'Projects',
      seedRecord(state, 'Projects', {
        companyID: company.id,
        projectName: index === 0 ? 'Office move' : 'Microsoft 365 migration',
        projectNumber: `P2024${String(index + 1).padStart(4, '0')}`,
        projectType: 5,
        status: 2,
        startDateTime: formatAutotaskDate(now - 30 * day),
        endDateTime: formatAutotaskDate(now + 60 * day),
        projectLeadResourceID: technicians[index]![0],
        createDateTime: formatAutotaskDate(now - 40 * day),
        creatorResourceID: apiUserResourceId,
      }),
    )
  })
}
