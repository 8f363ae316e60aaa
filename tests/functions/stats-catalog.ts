/** The two-department catalog the statistics job tests import. */
export const statsCatalog = {
  departments: [
    { id: 'so-a', name: 'Sở A', answerSlaWorkingDays: 10 },
    { id: 'so-b', name: 'Sở B', answerSlaWorkingDays: 10 },
  ],
  counters: [
    { id: 'quay-a', name: 'Quầy A', departmentId: 'so-a', procedureCodes: [] },
    { id: 'quay-b', name: 'Quầy B', departmentId: 'so-b', procedureCodes: [] },
  ],
  procedures: [],
};
